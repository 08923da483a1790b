/*
 * Runs one scenario in its own process (fresh heap and JIT state) and writes its tables as JSON to the
 * file named by the second argument. Started by bench/run.js.
 */
'use strict';

require('./ts-hook');
const fs = require('fs');
const path = require('path');

const [name, outFile] = process.argv.slice(2);
const scenario = require(path.join(__dirname, 'scenarios', `${name}.ts`));
scenario
  .run()
  .then((tables) => {
    fs.writeFileSync(outFile, JSON.stringify(tables));
    process.exit(0);
  })
  .catch((error) => {
    process.stderr.write(`bench ${name}: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  });
