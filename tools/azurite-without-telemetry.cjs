// Preloaded into Azurite by AzuriteServer (NODE_OPTIONS=--require): Azurite 3.37 requires its telemetry library,
// applicationinsights 3 with OpenTelemetry (about 2,200 of the 3,300 modules it loads), when it starts, even with
// --disableTelemetry, which we always pass. Loading them was 1.6 of the 2.8 s of CPU an Azurite start took here, and
// the test suite starts Azurite about 90 times. Azurite gets this stand-in instead; it never calls it while
// telemetry is disabled, and would fail loudly if it did. Nothing is sent anywhere either way.
'use strict';
const Module = require('module');
const load = Module._load;
let replaced = false;
Module._load = function (request, parent, isMain) {
  if (request !== 'applicationinsights') return load.apply(this, arguments);
  if (!replaced) {
    replaced = true;
    process.stderr.write('DigestPipeline: Azurite runs without its telemetry library (tools/azurite-without-telemetry.cjs)\n');
  }
  const disabled = () => { throw new Error('Azurite telemetry is disabled (tools/azurite-without-telemetry.cjs)'); };
  return { setup: disabled, start: disabled, TelemetryClient: class { constructor() { disabled(); } } };
};
