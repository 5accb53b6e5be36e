/** Small helpers over htmlparser2's DOM, shared by the .docx and .html readers. */
import type { ChildNode, Element } from 'domhandler';
import { MAX_CELL_TEXT } from './limits';

export function isTag(n: ChildNode, name?: string): n is Element {
  return n.type === 'tag' && (name === undefined || (n as Element).name === name);
}

export function childTags(n: Element, name: string): Element[] {
  return n.children.filter((c): c is Element => isTag(c, name));
}

export function clip(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}
