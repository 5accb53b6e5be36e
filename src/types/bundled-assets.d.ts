/** Files the bundler hands over as data (webpack.config.js: `?source` as text, .bcmap inline as a data: URL). */
declare module '*?source' {
  const text: string;
  export default text;
}
declare module '*.bcmap' {
  const dataUrl: string;
  export default dataUrl;
}
