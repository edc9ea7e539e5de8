// axe-core on signed-in desk pages, at a laptop's and a phone's screen, with the judge kit's own
// puppeteer-core and axe-core (target/judge/.cache) driving Debian's Chromium.
//   node bench/desk-axe.cjs "COOKIE HEADER" URL...      (bench/desk-judges does the signing in)
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const CACHE = path.join(__dirname, '..', 'target', 'judge', '.cache', 'node_modules');
const puppeteer = require(path.join(CACHE, 'puppeteer-core'));
const axeSource = fs.readFileSync(path.join(CACHE, 'axe-core', 'axe.min.js'), 'utf8');
const [cookie, ...urls] = process.argv.slice(2);
const SCREENS = [{ width: 1366, height: 900 }, { width: 390, height: 844, isMobile: true }];

(async () => {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'desk-axe.')), args: ['--no-sandbox'] });
  let failed = 0;
  try {
    for (const url of urls) {
      for (const screen of SCREENS) {
        const page = await browser.newPage();
        await page.setExtraHTTPHeaders({ Cookie: cookie });
        await page.setBypassCSP(true);
        await page.setViewport(screen);
        const answer = await page.goto(url, { waitUntil: 'load', timeout: 60000 });
        await new Promise(r => setTimeout(r, 800)); // the editor and the pickers start after load
        await page.addScriptTag({ content: axeSource });
        const results = await page.evaluate(async () => await axe.run(document, { resultTypes: ['violations'] }));
        const v = results.violations;
        failed += v.length;
        console.log(`${url} ${screen.width}x${screen.height} HTTP ${answer.status()} axe-core ${results.testEngine.version} violations=${v.length} ${v.length ? 'FAIL' : 'PASS'}`);
        for (const x of v) console.log(`    ${x.impact}: ${x.id} (${x.nodes.length}) ${x.help}: ${x.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})();
