// ACLED's six event types, their CSS class (colour) and order in the legend.

export const EVENT_TYPES = [
  ["Battles", "ev-battles"],
  ["Explosions/Remote violence", "ev-explosions"],
  ["Violence against civilians", "ev-vac"],
  ["Protests", "ev-protests"],
  ["Riots", "ev-riots"],
  ["Strategic developments", "ev-strategic"],
];

/** The colour of each class (the same as in app.css), for the clusters' rings. */
export const COLOURS = {
  "ev-battles": "#d62728", "ev-explosions": "#ff7f0e", "ev-vac": "#9467bd", "ev-protests": "#2ca02c",
  "ev-riots": "#8c564b", "ev-strategic": "#1f77b4", "ev-other": "#7f7f7f",
};

const CLASS = new Map(EVENT_TYPES);

/** The CSS class colouring an event type ("ev-other" for anything unknown). */
export function typeClass(type) {
  return CLASS.get(type) || "ev-other";
}
