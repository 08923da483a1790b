/*
 * Builds the add-in into dist/:
 *   taskpane.html  the pane; also the shared runtime page. It loads only taskpane.js, which itself
 *                  registers the cell functions and the ribbon commands (src/taskpane/index.tsx), so
 *                  the rules core and zod are loaded once
 *   functions.js   self-contained: registers every CEU.* function when loaded alone (the manifest's
 *                  functions Script URL, for hosts without the shared runtime). Carries no zod: the
 *                  built-in programs are checked at build time (see the builtin.ts rule below). Built
 *                  in its own layer, so its copy of the programs leaves out the texts no cell function
 *                  returns (sources, notes, help, checklist labels): the pane keeps them all
 *   functions.json custom function metadata, generated from the JSDoc tags in functions.ts
 *   commands.html  ribbon command page for hosts that do not use the shared runtime
 *   preview.html   the preview host: no Office.js, no network
 *   manifest.xml, assets/
 */
'use strict';

const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { BuildStampPlugin } = require('./scripts/build-stamp');
const BuiltinProgramsLoader = require('./scripts/builtin-programs-loader');
const { devServerServer, loadDevCertificates } = require('./scripts/dev-https');

/** Where manifest.xml points during development (the dev server). */
const DEV_URL = 'https://localhost:3000/';
/** Where the production build is hosted; `npm run build` rewrites the manifest's DEV_URL to this. */
const PRODUCTION_URL = 'https://ce-ledger.example.com/';

const FUNCTIONS_SOURCE = './src/functions/functions.ts';
/** functions.js's modules: a layer of their own, so they get the slim built-in programs. */
const FUNCTIONS_LAYER = 'functions';
/** Replaced at build time by the programs it parses (scripts/builtin-programs-loader.js). */
const BUILTIN_PROGRAMS_SOURCE = path.resolve(__dirname, 'src/core/programs/builtin.ts');
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** The manifest for a production build: every dev URL, with or without a path, moved to production. */
function productionManifest(content) {
  const devOrigin = DEV_URL.replace(/\/$/, '');
  const productionOrigin = PRODUCTION_URL.replace(/\/$/, '');
  return content.toString().split(devOrigin).join(productionOrigin);
}

/**
 * custom-functions-metadata-plugin appends `CustomFunctions.associate(...)` for every tagged
 * function to functions.ts. Our functions file registers its functions itself, and a second
 * registration of the same id is at best noise, so the injection is dropped whenever the source
 * already calls CustomFunctions.associate (the plugin still generates functions.json either way).
 */
class KeepOwnFunctionRegistrations {
  constructor(functionsSource) {
    this.functionsFile = path.resolve(functionsSource);
  }

  apply(compiler) {
    const { NormalModule } = compiler.webpack;
    compiler.hooks.compilation.tap('KeepOwnFunctionRegistrations', (compilation) => {
      // Registered after the metadata plugin's hook, so its loader is already on the module.
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(
        'KeepOwnFunctionRegistrations',
        (loaders, module) => {
          if (path.resolve(module.resource || '') !== this.functionsFile) return;
          const source = fs.readFileSync(this.functionsFile, 'utf8');
          if (!/CustomFunctions\s*\.\s*associate\s*\(/.test(source)) return;
          for (let i = module.loaders.length - 1; i >= 0; i--) {
            if (/custom-functions-metadata-plugin[\\/]lib[\\/]loader\.js$/.test(module.loaders[i].loader)) {
              module.loaders.splice(i, 1);
            }
          }
        },
      );
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'production' ? 'production' : 'development';
  const isProduction = mode === 'production';
  // Only `webpack serve` needs certificates; a build never touches them. The dev server serves Excel,
  // which needs https: without a certificate it refuses to start (scripts/dev-https.js says why).
  let server = 'http';
  if (env.WEBPACK_SERVE) {
    server = devServerServer(await loadDevCertificates());
    if (server instanceof Error) {
      console.error(`dev-server: ${server.message}`);
      process.exit(1);
    }
  }

  return {
    mode,
    devtool: isProduction ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // Every module functions.js imports inherits the layer: its own copy of the core, apart from
      // the pane's (taskpane.js registers the same functions with the full programs).
      functions: { import: FUNCTIONS_SOURCE, layer: FUNCTIONS_LAYER },
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Fixed names: manifest.xml points at functions.js by name.
      filename: '[name].js',
      clean: { keep: /^cli[\\/]/ }, // dist/cli is the command line, built by tsc (npm run build:cli)
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // Keep ES module syntax for webpack (tsconfig's commonjs is for Jest and Node):
              // with require() webpack picks the packages' CommonJS builds and cannot tree-shake
              // Fluent UI, and the pane grows from hundreds of KiB to over 17 MiB.
              compilerOptions: { module: 'esnext' },
            },
          },
        },
        {
          // The built-in programs are parsed and checked here, once, at build time: a program that
          // fails the schema fails the build, and the bundles get the checked data without zod. The
          // loader runs the module itself (the request with RUN_QUERY), which this rule leaves alone.
          test: BUILTIN_PROGRAMS_SOURCE,
          resourceQuery: (query) => query !== BuiltinProgramsLoader.RUN_QUERY,
          issuerLayer: (layer) => layer !== FUNCTIONS_LAYER,
          enforce: 'post',
          use: { loader: require.resolve('./scripts/builtin-programs-loader') },
        },
        {
          // The same for functions.js, without the texts no cell function returns (scripts/slim-programs.js).
          test: BUILTIN_PROGRAMS_SOURCE,
          resourceQuery: (query) => query !== BuiltinProgramsLoader.RUN_QUERY,
          issuerLayer: FUNCTIONS_LAYER,
          enforce: 'post',
          use: { loader: require.resolve('./scripts/builtin-programs-loader'), options: { slim: true } },
        },
      ],
    },
    experiments: { layers: true },
    optimization: {
      // Every entry is one self-contained script: functions.js must run alone in Excel's
      // JavaScript-only custom functions runtime, where no other chunk can be loaded. Only the
      // pane's dynamic imports (React.lazy parts, loaded when opened) become extra chunks.
      splitChunks: false,
      runtimeChunk: false,
    },
    performance: {
      // The pane carries React and Fluent UI; it loads once per session from the add-in's host.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    plugins: [
      new BuildStampPlugin(mode),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_SOURCE }),
      new KeepOwnFunctionRegistrations(FUNCTIONS_SOURCE),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // The shared runtime: the pane, the cell functions and the ribbon commands in one page and
        // one script. Adding 'functions' or 'commands' here would load the core a second time and
        // register every function twice.
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          isProduction
            ? { from: 'manifest.xml', to: 'manifest.xml', transform: productionManifest }
            : { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server,
      // Everything, assets and manifest included, is served from the compilation itself.
      static: false,
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.PRODUCTION_URL = PRODUCTION_URL;
module.exports.KeepOwnFunctionRegistrations = KeepOwnFunctionRegistrations;
