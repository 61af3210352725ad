// The accessibility audit, second share of its cases (see a11y-audit.ts).
import { auditShare } from './a11y-audit.ts';

auditShare(1);
