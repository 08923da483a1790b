/*
 * The webpack dev server exists to serve the add-in to Excel (`npm start` on Windows and macOS,
 * `npm run dev-server` for Excel on the web), and Excel loads add-ins only from https URLs: manifest.xml
 * points at https://localhost:3000. So the dev server is https or it does not start; plain http would
 * only give a blank pane in Excel with no hint why. The browser preview, which needs no Office, is
 * served by scripts/serve-dist.js over plain http on 127.0.0.1 and never comes here.
 */
'use strict';

const INSTALL_HINT = 'npx office-addin-dev-certs install';

/** First line of an error, for a one-line message. */
function firstLine(error) {
  return String((error && error.message) || error).split('\n')[0];
}

/**
 * The devServer.server setting, or an Error saying why the dev server must not start.
 * `certificates` is what office-addin-dev-certs returned ({ ca, cert, key }); `failure` what it threw.
 */
function devServerServer({ certificates, failure }) {
  if (certificates && certificates.cert && certificates.key) return { type: 'https', options: certificates };
  const reason = failure ? firstLine(failure) : 'no certificate and key were returned';
  return new Error(
    `the dev server serves Excel, which loads add-ins only over https, and no trusted development certificate ` +
      `is available (${reason}). Install it with: ${INSTALL_HINT} (then run this again), or use npm run preview for the ` +
      `browser preview over http.`,
  );
}

/**
 * Asks office-addin-dev-certs for the localhost certificate. On the first run it creates one and asks
 * the system to trust it (Windows shows a security prompt, macOS asks for the login password).
 */
async function loadDevCertificates(devCerts = require('office-addin-dev-certs')) {
  try {
    return { certificates: await devCerts.getHttpsServerOptions() };
  } catch (failure) {
    return { failure };
  }
}

module.exports = { devServerServer, loadDevCertificates, INSTALL_HINT };
