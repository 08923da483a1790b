/*
 * The office-addin-debugging that `npm start` and `npm stop` run through npx on Windows and macOS. An exact
 * version, so a new release cannot change what start does without a commit here; it is not a dependency
 * (npx fetches it when Excel is the target; see scripts/start.js).
 */
'use strict';

module.exports = { OFFICE_ADDIN_DEBUGGING: 'office-addin-debugging@7.0.0' };
