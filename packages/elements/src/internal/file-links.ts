/**
 * Links to file values where a card only shows them (view mode, print): a web address as it is, a
 * picked or legacy inline file through an object URL of its Blob, a stored file (`{fileId}`) fetched
 * through `kc-file-request` when the link is clicked. The file field manages its own URLs.
 */
import { asLocalFile, isFileRef } from '@kartochka/storage/data';
import { KcFileRequestEvent } from '../events/events.js';
import { safeFileLink } from './widget-utils.js';

/** Object URLs per Blob, made once (a Blob shown in view mode keeps its URL for the page's life). */
const urls = new WeakMap<Blob, string>();
/** Legacy `data:` URLs already turned into Blobs, so each render links the same object URL. */
const inline = new Map<string, Blob>();

function urlOf(blob: Blob): string {
  let url = urls.get(blob);
  if (!url) urls.set(blob, (url = URL.createObjectURL(blob)));
  return url;
}

/** The link of a file value: `href`, and for a stored file the click that fetches it first. */
export function fileLink(value: unknown, path: string): { href: string; onClick?: (e: MouseEvent) => void } | undefined {
  if (isFileRef(value)) {
    const fileId = value.fileId;
    return {
      href: '#',
      onClick: async (e: MouseEvent) => {
        const a = e.currentTarget as HTMLAnchorElement;
        if (a.dataset.ready) return;
        e.preventDefault();
        const request = new KcFileRequestEvent({ path, fileId });
        a.dispatchEvent(request);
        const blob = await request.detail.blob?.catch(() => undefined);
        if (!blob) return;
        a.href = urlOf(blob);
        a.dataset.ready = '1';
        a.click();
      },
    };
  }
  const raw = (value as { url?: unknown } | null)?.url;
  const local = asLocalFile(value);
  if (local) {
    let blob = local.blob;
    if (typeof raw === 'string' && raw.startsWith('data:')) {
      blob = inline.get(raw) ?? blob;
      inline.set(raw, blob);
      if (inline.size > 50) inline.delete(inline.keys().next().value!);
    }
    return { href: urlOf(blob) };
  }
  const web = safeFileLink(raw);
  return web ? { href: web } : undefined;
}
