// A command candidate: the item arrives as JSON on stdin; print one JSON answer on stdout.
// Any language works the same way (`command: ['python3', 'answer.py']`); no shell is involved.
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const item = JSON.parse(input);
  const text = /refund/i.test(item.input) ? 'You can get a refund within 14 days.' : "I can't help with that here.";
  process.stdout.write(JSON.stringify({ text }));
});
