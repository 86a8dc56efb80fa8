// Signs bench JWTs with the throwaway key bench/app.sh made (RS256, no dependencies).
//   node bench/tokens.js KEY.pem ISSUER shopper COUNT PREFIX > tokens.txt   one shopper token per line
//   node bench/tokens.js KEY.pem ISSUER ops-admin 1 NAME                     one ops-admin token
const crypto = require('crypto');
const fs = require('fs');
const [keyFile, issuer, role, count, prefix] = process.argv.slice(2);
const key = crypto.createPrivateKey(fs.readFileSync(keyFile));
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const header = b64({alg: 'RS256', typ: 'JWT'});
const now = Math.floor(Date.now() / 1000);
const out = [];
for (let i = 0; i < Number(count); i++) {
  const sub = Number(count) === 1 ? prefix : `${prefix}-${i}`;
  const body = b64({iss: issuer, sub, upn: sub, groups: [role], iat: now - 10, exp: now + 3600});
  const signature = crypto.sign('RSA-SHA256', Buffer.from(`${header}.${body}`), key).toString('base64url');
  out.push(`${header}.${body}.${signature}`);
}
process.stdout.write(out.join('\n') + '\n');
