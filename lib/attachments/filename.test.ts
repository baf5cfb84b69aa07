import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sanitizeFilename } from './filename'
import { MAX_FILENAME_LENGTH } from './limits'

describe('sanitizeFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ana\\Desktop\\report.pdf', 'report.pdf'],
    ['..', 'file'],
    ['...hidden.txt', 'hidden.txt'],
    ['', 'file'],
    ['re\u0000port\u0007\u001b\u007f\u0085.txt', 'report.txt'],
    ['photo\u202Egnp.exe', 'photognp.exe'],
    ['zero\u200bwidth\ufeff.png', 'zerowidth.png'],
    ['a<b>:"c"|d?*.txt', 'a_b___c__d__.txt'],
    ['  spaced   out  .txt  ', 'spaced out .txt'],
    ['CON.txt', '_CON.txt'],
    ['e\u0301te\u0301.txt', 'été.txt'],
  ])('%j → %j', (raw, clean) => {
    expect(sanitizeFilename(raw)).toBe(clean)
  })

  it('shortens overlong names but keeps the extension', () => {
    const out = sanitizeFilename(`${'x'.repeat(500)}.docx`)
    expect([...out]).toHaveLength(MAX_FILENAME_LENGTH)
    expect(out.endsWith('.docx')).toBe(true)
  })

  it('never yields a path, a control character, or an empty or overlong name, whatever the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
      const out = sanitizeFilename(raw)
      expect(out.length).toBeGreaterThan(0)
      expect([...out].length).toBeLessThanOrEqual(MAX_FILENAME_LENGTH)
      expect(out).not.toMatch(/[/\\\u0000-\u001f\u007f\u202a-\u202e]/)
      expect(out).not.toMatch(/^\.|\.$/)
    }))
  })
})
