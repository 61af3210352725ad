// The built pages by template: the helpers live with the scripts (the a11y benchmark walks them too).
export { htmlFiles, playerLabelLength, templateSamples } from '../../scripts/tools/pages.ts';
