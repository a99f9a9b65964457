// Preloaded (`node --import`) by errors.test.ts to stand in for a bug in soapgen: the clock the CLI times
// each run with throws a TypeError, which is not a SoapgenError.
performance.now = () => {
  throw new TypeError("the clock is broken");
};
