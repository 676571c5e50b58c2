// A local stand-in for the site the canaries watch: pages, the OpenAPI document and an
// authenticated API, on 127.0.0.1 at a random port. Every request is recorded.
'use strict';

const http = require('http');

const PAGE = (title) => `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
const OPENAPI = JSON.stringify({ openapi: '3.0.3', info: { title: 'Submit API', version: '1.0.0' }, paths: {} });

// mode: 'healthy' | 'page500' | 'api-open'
function startSite(mode) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url, userAgent: req.headers['user-agent'] });
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    switch (req.url) {
      case '/': return send(200, 'text/html', PAGE('DIY Accounting Submit'));
      case '/privacy.html': return send(200, 'text/html', PAGE('Privacy'));
      case '/terms.html':
        return mode === 'page500' ? send(500, 'text/html', PAGE('Server error')) : send(200, 'text/html', PAGE('Terms'));
      case '/docs/api/openapi.json': return send(200, 'application/json', OPENAPI);
      case '/api/v1/bundle':
        if (mode === 'api-open') return send(200, 'application/json', '{"bundles":[]}');
        return req.headers.authorization
          ? send(200, 'application/json', '{"bundles":[]}')
          : send(401, 'application/json', '{"message":"Unauthorized"}');
      case '/favicon.ico': return send(204, 'image/x-icon', '');
      default: return send(404, 'text/html', PAGE('Not found'));
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        baseUrl: `http://127.0.0.1:${port}/`,
        requests,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

module.exports = { startSite };
