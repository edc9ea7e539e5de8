// The story form's presence clock (story-form.js), kept in a worker: a tab hidden for a few minutes has its own
// timers slowed by the browser to about once a minute, longer than an editing lease lasts, so its person would
// drop from the others' "Being edited by" now and then; a worker's timers keep time. Told the interval, it ticks.
self.onmessage = function (event) {
  var every = parseInt(event.data, 10) || 15000;
  setInterval(function () { self.postMessage('tick'); }, every);
};
