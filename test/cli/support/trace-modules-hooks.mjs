/** Module loader hooks for trace-modules.mjs (they run on the loader thread). */
export const load = async (url, context, nextLoad) => {
  process.stderr.write(`[module] ${url}\n`);
  return nextLoad(url, context);
};
