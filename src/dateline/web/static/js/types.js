// ACLED's six event types, their CSS class (colour) and order in the legend.

export const EVENT_TYPES = [
  ["Battles", "ev-battles"],
  ["Explosions/Remote violence", "ev-explosions"],
  ["Violence against civilians", "ev-vac"],
  ["Protests", "ev-protests"],
  ["Riots", "ev-riots"],
  ["Strategic developments", "ev-strategic"],
];

const CLASS = new Map(EVENT_TYPES);

/** The CSS class colouring an event type ("ev-other" for anything unknown). */
export function typeClass(type) {
  return CLASS.get(type) || "ev-other";
}
