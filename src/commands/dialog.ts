/** A small dialog that shows one message, as text (never as HTML). */
Office.onReady(() => {
  const message = new URLSearchParams(window.location.search).get('m') ?? '';
  const p = document.createElement('p');
  p.style.cssText = 'font-family: sans-serif; padding: 12px; line-height: 1.6';
  p.textContent = message;
  document.getElementById('root')!.appendChild(p);
});
