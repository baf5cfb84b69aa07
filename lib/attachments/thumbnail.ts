import 'server-only'
import sharp from 'sharp'

// No operation cache: each upload is decoded once, and the cache would only hold memory.
sharp.cache(false)

export const THUMB_SIZE = 480

/**
 * Generated once, at upload: a small WebP that the conversation shows instead of the
 * original (a technician's 8 MB photo). EXIF rotation is applied and all metadata
 * (including GPS) is dropped from the thumbnail. A file sharp cannot decode simply gets no thumbnail.
 */
export async function makeThumbnail(src: string, dest: string): Promise<{ width: number; height: number } | null> {
  try {
    const image = sharp(src, { limitInputPixels: 100_000_000, sequentialRead: true })
    const meta = await image.metadata()
    await image.rotate().resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 76 }).toFile(dest)
    const turned = (meta.orientation ?? 1) >= 5
    const w = meta.width ?? 0
    const h = meta.height ?? 0
    return turned ? { width: h, height: w } : { width: w, height: h }
  } catch {
    return null
  }
}
