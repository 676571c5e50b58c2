// Stand-in for the Synthetics runtime's SyntheticsLogger: lines on stderr.
'use strict';

const line = (level) => (...args) => process.stderr.write(`[${level}] ${args.join(' ')}\n`);
module.exports = { info: line('INFO'), warn: line('WARN'), error: line('ERROR'), debug: line('DEBUG') };
