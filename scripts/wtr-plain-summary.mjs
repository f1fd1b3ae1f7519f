// The test runner's own closing line sits inside a progress bar; this reporter prints one plain
// "N passed, N failed" line last, which scripts/test-all.mjs (and CI) read.
export function plainSummaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const count = (suite) => {
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite.suites ?? []) count(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        if (s.testResults) count(s.testResults);
        // A file that failed to load has no test results but errors: count it as one failure.
        if ((!s.testResults || (s.testResults.tests.length === 0 && s.testResults.suites.length === 0)) && s.errors?.length) failed++;
      }
    },
    async stop() {
      // Printed after the progress bar is gone.
      process.stdout.write(`\nbrowser: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    },
  };
}
