// A progress bar on stderr for long bench steps (§14: long work shows progress). On a
// terminal it redraws one line; in CI logs (no TTY) it prints one line per step instead.

export class Progress {
  private done = 0
  private readonly started = Date.now()
  private label = ''

  constructor(private readonly total: number, private readonly out: NodeJS.WriteStream = process.stderr) {}

  /** Starts a step; `weight` is its share of `total` once finished. */
  step(label: string) {
    this.label = label
    this.draw(false)
  }

  advance(weight: number) {
    this.done = Math.min(this.total, this.done + weight)
    this.draw(true)
  }

  finish(message: string) {
    this.done = this.total
    if (this.out.isTTY) this.out.write('\r\x1b[2K')
    this.out.write(`${message} (${this.elapsed()})\n`)
  }

  private elapsed() {
    const s = Math.round((Date.now() - this.started) / 1000)
    return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  }

  private draw(advanced: boolean) {
    const ratio = this.total ? this.done / this.total : 1
    const width = 30
    const filled = Math.round(ratio * width)
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${this.elapsed()}  ${this.label}`
    if (this.out.isTTY) this.out.write(`\r\x1b[2K${bar}`)
    else if (!advanced) this.out.write(`${bar}\n`)
  }
}
