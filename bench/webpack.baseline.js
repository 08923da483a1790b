/*
 * Builds the baseline page (bench/baseline: React and one Fluent UI button) into .tmp/bench-baseline,
 * with the same loader, mode and optimisation settings as webpack.config.js builds the pane.
 */
'use strict';

const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (_env = {}, argv = {}) => ({
  mode: argv.mode === 'development' ? 'development' : 'production',
  devtool: false,
  context: path.join(__dirname, '..'),
  entry: { baseline: './bench/baseline/index.tsx' },
  output: { path: path.join(__dirname, '..', '.tmp', 'bench-baseline'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } },
      },
    ],
  },
  optimization: { splitChunks: false, runtimeChunk: false },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: 'index.html', template: './bench/baseline/index.html', chunks: ['baseline'] }),
  ],
});
