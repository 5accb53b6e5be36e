/**
 * A drawing from the chart renderer placed in the page as nodes, never as markup: the drawing
 * is ours, but its labels are unit names taken from submitted files.
 */
import { useEffect, useRef } from 'react';

/** Attributes that could run or fetch something, were a label ever to smuggle one in. */
const ACTIVE_ATTRIBUTE = /^on/i;
const SCRIPT_URL = /^\s*javascript:/i;

/** The SVG text parsed as XML, with scripts, foreign content and active attributes removed. */
function svgElement(svg: string, into: Document): Element | null {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  if (root.nodeName !== 'svg') return null;
  Array.from(root.querySelectorAll('script, foreignObject')).forEach((e) => e.parentNode?.removeChild(e));
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))])
    for (const a of Array.from(el.attributes)) if (ACTIVE_ATTRIBUTE.test(a.name) || SCRIPT_URL.test(a.value)) el.removeAttribute(a.name);
  return into.importNode(root, true);
}

export function SvgDrawing({ svg, ...props }: { svg: string } & React.HTMLAttributes<HTMLDivElement>) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    while (el.firstChild) el.removeChild(el.firstChild);
    const drawing = svgElement(svg, el.ownerDocument);
    if (drawing) el.appendChild(drawing);
  }, [svg]);
  return <div ref={box} {...props} />;
}
