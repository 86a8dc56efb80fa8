// Reads {"secret", "headers", "body"} on stdin; exits 0 when the Standard Webhooks
// reference library accepts the delivery, 1 (with the reason) when it does not.
const { Webhook } = require("standardwebhooks");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { secret, headers, body } = JSON.parse(input);
  try {
    new Webhook(secret).verify(body, headers);
    process.stdout.write("verified\n");
  } catch (e) {
    process.stdout.write("refused: " + e.message + "\n");
    process.exit(1);
  }
});
