/**
 * The in-page half of the browser benchmarks, shared by the Kartochka page and the baseline page so
 * both are timed by the same code: first render to the first frame with every input present,
 * keystroke latency (Event Timing and keydown → next frame), and time to a visible validation error.
 * Each page supplies `mountCard(schema, value)`, `errorElement(pointer)` and optionally
 * `prepare(schema, value)` (untimed app-side setup) and `settled()` (resolves once work deferred
 * past the first paint, such as a validator compiled after it, is done).
 */

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
/** A task after the next frame's rendering: rAF runs before style/layout/paint, the message after. */
const afterFrame = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    }),
  );
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every native form control in the document, through open shadow roots. */
export function countInputs(root = document) {
  let n = 0;
  const walk = (r) => {
    n += r.querySelectorAll('input, select, textarea').length;
    for (const el of r.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(root);
  return n;
}

/**
 * Installs the page API that bench/browser.mjs drives.
 * @param {{prepare?: (schema: object, value: object) => void, mountCard: (schema: object, value: object) => void | Promise<void>, errorElement: (pointer: string) => Element | null}} impl
 */
export function installHarness(impl) {
  const presses = []; // {keydown, input, frame}
  let current;
  const events = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      events.push({
        name: e.name,
        startTime: e.startTime,
        duration: e.duration,
        processingStart: e.processingStart,
        processingEnd: e.processingEnd,
        interactionId: e.interactionId,
      });
    }
  });
  observer.observe({ type: 'event', durationThreshold: 16, buffered: true });

  // Capture on window: runs before any handler of the page.
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Tab' || e.key === 'Shift') return;
      current = { keydown: e.timeStamp, input: NaN, frame: NaN };
      presses.push(current);
    },
    true,
  );
  // Bubble on window: `input` is composed, so this runs after the field's own handler and after
  // the microtasks it queued (Lit's update), i.e. once the page has done its work for the key.
  window.addEventListener('input', () => {
    const p = current;
    if (!p || !Number.isNaN(p.input)) return;
    p.input = performance.now();
    afterFrame().then((t) => (p.frame = t));
  });

  window.bench = {
    /** Mounts the card and resolves at the first frame in which every input exists. */
    async mount(schema, value, expectedInputs) {
      await impl.prepare?.(schema, value);
      // A settled page first: the mark is the start of mounting, nothing else is pending.
      await frame();
      await frame();
      performance.mark('mount-start');
      const t0 = performance.now();
      await impl.mountCard(schema, value);
      let walkMs = 0;
      let found = 0;
      let frames = 0;
      for (;;) {
        await frame();
        frames++;
        // The check itself walks every shadow root; its time is measured and taken out.
        const w0 = performance.now();
        found = countInputs();
        walkMs += performance.now() - w0;
        if (found >= expectedInputs || frames > 600) break;
      }
      // The frame that contains the inputs has been produced once the next rAF runs.
      const t1 = await frame();
      performance.mark('mount-end');
      if (found !== expectedInputs) throw new Error(`mount: expected ${expectedInputs} inputs, found ${found}`);
      return { firstRender: t1 - t0 - walkMs, walkMs, frames, inputs: found };
    },

    /** Waits for work the page deferred past its first paint (heap and keystrokes are measured after). */
    async settled() {
      await impl.settled?.();
    },

    /** Clears the records of earlier presses (after the focusing click). */
    resetPresses() {
      presses.length = 0;
      events.length = 0;
      current = undefined;
    },

    /** Waits until the latest press has produced its frame, plus a pause like a typist's. */
    async pressSettled(pauseMs = 40) {
      const p = current;
      const until = performance.now() + 2000;
      while (p && Number.isNaN(p.frame) && performance.now() < until) await sleep(2);
      await sleep(pauseMs);
    },

    /**
     * The presses so far, each with its Event Timing duration: the longest event entry that
     * started in this press's window (keydown, keypress, beforeinput, input, keyup all share it).
     * `eventTiming: null` means no entry reached the 16 ms threshold.
     */
    async collectPresses() {
      await sleep(200);
      for (const e of observer.takeRecords())
        events.push({
          name: e.name,
          startTime: e.startTime,
          duration: e.duration,
          processingStart: e.processingStart,
          processingEnd: e.processingEnd,
          interactionId: e.interactionId,
        });
      return presses.map((p, i) => {
        const end = presses[i + 1]?.keydown ?? Infinity;
        const mine = events.filter((e) => e.startTime >= p.keydown - 0.5 && e.startTime < end - 0.5);
        const longest = mine.reduce((m, e) => (m && m.duration >= e.duration ? m : e), undefined);
        return {
          eventTiming: longest ? longest.duration : null,
          eventName: longest?.name ?? null,
          processing: p.input - p.keydown,
          nextFrame: p.frame - p.keydown,
        };
      });
    },

    /** Arms a watch on a field's error region; `errorShown()` resolves when its text appears. */
    watchError(pointer) {
      const el = impl.errorElement(pointer);
      if (!el) throw new Error(`no error element for ${pointer}`);
      if (el.textContent.trim()) throw new Error(`${pointer} already shows an error`);
      this._error = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (!el.textContent.trim()) return;
          const inDom = performance.now();
          mo.disconnect();
          const p = current;
          afterFrame().then((painted) => resolve({ dom: inDom - p.keydown, painted: painted - p.keydown, text: el.textContent.trim() }));
        });
        mo.observe(el, { childList: true, characterData: true, subtree: true });
      });
      return true;
    },
    async errorShown(timeoutMs = 5000) {
      return Promise.race([this._error, sleep(timeoutMs).then(() => ({ dom: null, painted: null, text: '' }))]);
    },
  };
}
