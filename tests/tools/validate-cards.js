// Validates Adaptive Cards with the official Adaptive Cards JavaScript SDK, the renderer Teams builds on.
// Usage: node validate-cards.js cards.json   where cards.json is [{"name": "...", "card": {...}}, ...]
// Prints [{"name": "...", "errors": ["..."]}, ...]: every parse or validation event, for every card.
'use strict';
const fs = require('fs');
const path = require('path');
const AC = require(path.join(__dirname, '..', '..', 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

const MAX_TEAMS_VERSION = new AC.Version(1, 5);
const cards = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = cards.map(({ name, card }) => {
  const errors = [];
  const context = new AC.SerializationContext(MAX_TEAMS_VERSION);
  context.onParseElement = () => {};
  const adaptiveCard = new AC.AdaptiveCard();
  try {
    adaptiveCard.parse(card, context);
  } catch (e) {
    errors.push('parse threw: ' + e.message);
  }
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    errors.push(`parse: ${AC.ValidationEvent[event.event] ?? event.event}: ${event.message}`);
  }
  for (const event of adaptiveCard.validateProperties().validationEvents) {
    errors.push(`validate: ${AC.ValidationEvent[event.event] ?? event.event}: ${event.message}`);
  }
  if (card.version !== '1.5') errors.push(`version is ${card.version}; Teams renders up to 1.5`);
  const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (size > 28 * 1024) errors.push(`card is ${size} bytes; a Teams message must stay under about 28 KB`);
  return { name, errors };
});
process.stdout.write(JSON.stringify(results));
