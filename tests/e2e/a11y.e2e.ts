// The accessibility audit, first share of its cases (see a11y-audit.ts).
import { auditShare } from './a11y-audit.ts';

auditShare(0);
