// How wide each card grid of home.css draws a card at most, as `sizes` for its picture: two columns of large cards;
// in the other grids one card alone is a feature two thirds wide, and more share the row.
export const WIDE_CARD_SIZES = '(min-width: 80rem) 38rem, (min-width: 40rem) 50vw, 100vw';
export const NARROW_CARD_SIZES = '(min-width: 80rem) 50rem, (min-width: 48rem) 66vw, 100vw';
