/**
 * SVG to PNG in the pane and the web page: the browser draws the SVG itself onto a canvas, with the
 * Chinese fonts of the clerk's own machine. (resvg's WebAssembly would need a Chinese font shipped
 * with the page, megabytes; the browser already has one.)
 */
import type { RasterizeSvg } from '../rasterizer';

export const rasterizeSvgBrowser: RasterizeSvg = (svg, size) =>
  new Promise((resolve, reject) => {
    // A data: URL, not a blob: one: the pages' content security policy allows images from data: only.
    const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    const img = new Image();
    img.onload = () => {
      try {
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(size.width * size.scale);
        canvas.height = Math.round(size.height * size.scale);
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#FFFFFF';
        g.fillRect(0, 0, canvas.width, canvas.height);
        g.drawImage(img, 0, 0, canvas.width, canvas.height);
        canvas.toBlob((blob) => {
          if (!blob) return reject(new Error('canvas.toBlob gave nothing'));
          // FileReader, not blob.arrayBuffer(): Chromium 64 (WPS) has no Blob.arrayBuffer.
          const reader = new FileReader();
          reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
          reader.onerror = () => reject(reader.error);
          reader.readAsArrayBuffer(blob);
        }, 'image/png');
      } catch (e) {
        reject(e);
      }
    };
    img.onerror = () => reject(new Error('the browser could not draw the chart'));
    img.src = url;
  });
