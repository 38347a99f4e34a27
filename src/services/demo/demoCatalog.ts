/**
 * The hand-written part of the demo portfolio: a B2B software company ("Meridian Software") with
 * three product lines, eight products and six market segments. Everything countable (features,
 * customers, feedback, initiatives, people) is generated from these by demoPortfolio.ts.
 */

export const DEMO_ORG = { slug: 'demo', name: 'Meridian Software (demo)' };

export const DEMO_PASSWORD = 'sextant-demo';

export const DEMO_USERS = [
  { email: 'admin@demo.test', name: 'Ada Admin', role: 'admin' },
  { email: 'portfolio@demo.test', name: 'Pat Portfolio', role: 'portfolio_manager' },
  { email: 'product@demo.test', name: 'Priya Product', role: 'product_manager' },
  { email: 'contributor@demo.test', name: 'Cory Contributor', role: 'contributor' },
  { email: 'viewer@demo.test', name: 'Vic Viewer', role: 'viewer' },
] as const;

export const GOALS = [
  {
    name: 'Grow recurring revenue in regulated industries',
    weight: 0.3,
    targetMetric: 'ARR in healthcare + finance',
  },
  { name: 'Improve net revenue retention', weight: 0.25, targetMetric: 'NRR ≥ 115 %' },
  { name: 'Win the mid-market', weight: 0.2, targetMetric: 'mid-market logos' },
  { name: 'Lead on AI-assisted insight', weight: 0.15, targetMetric: 'AI feature adoption' },
  { name: 'Run an efficient platform', weight: 0.1, targetMetric: 'gross margin ≥ 78 %' },
] as const;

type Swot = { kind: 'strength' | 'weakness' | 'opportunity' | 'threat'; text: string; score: number };

export interface SegmentSeed {
  name: string;
  description: string;
  marketSize: number;
  growthForecast: number[];
  ourShare: number;
  swot: Swot[];
  goalFit: number[];
  valueProposition: string;
  requirements: { text: string; why: string; importance: number }[];
}

export const SEGMENTS: SegmentSeed[] = [
  {
    name: 'Healthcare providers',
    description: 'Hospitals, clinics and care networks in North America and Europe.',
    marketSize: 4_200_000_000,
    growthForecast: [0.14, 0.13, 0.12, 0.11, 0.1],
    ourShare: 0.06,
    swot: [
      { kind: 'strength', text: 'HIPAA-ready audit trail already certified', score: 5 },
      { kind: 'strength', text: 'Reference customers in three hospital networks', score: 4 },
      { kind: 'weakness', text: 'No HL7/FHIR connectors', score: 4 },
      { kind: 'opportunity', text: 'Value-based care reporting mandates', score: 5 },
      { kind: 'threat', text: 'EHR vendors bundling analytics', score: 4 },
    ],
    goalFit: [1, 0.7, 0.5, 0.6, 0.3],
    valueProposition:
      'Compliant, explainable insight for clinical and operational teams — without a data team.',
    requirements: [
      {
        text: 'Audit every access to patient-level data',
        why: 'Regulators fine breaches and auditors ask who saw what.',
        importance: 3,
      },
      {
        text: 'Connect to EHR data through FHIR',
        why: 'Clinical data lives in the EHR; exports are weeks old.',
        importance: 3,
      },
      {
        text: 'Role-based views for clinicians',
        why: 'Clinicians have minutes between patients.',
        importance: 2,
      },
      {
        text: 'Benchmark against peer hospitals',
        why: 'Boards ask how we compare on readmissions.',
        importance: 2,
      },
    ],
  },
  {
    name: 'Financial services',
    description: 'Banks, insurers and asset managers with strict compliance teams.',
    marketSize: 5_100_000_000,
    growthForecast: [0.09, 0.09, 0.08, 0.08, 0.07],
    ourShare: 0.04,
    swot: [
      { kind: 'strength', text: 'SOC 2 Type II and ISO 27001', score: 4 },
      { kind: 'weakness', text: 'Limited on-premises deployment', score: 4 },
      { kind: 'weakness', text: 'Small sales presence in Europe', score: 3 },
      { kind: 'opportunity', text: 'DORA and operational-resilience rules', score: 5 },
      { kind: 'threat', text: 'Incumbent GRC suites with deep relationships', score: 5 },
    ],
    goalFit: [1, 0.6, 0.3, 0.5, 0.4],
    valueProposition: 'Prove control effectiveness continuously instead of once a year.',
    requirements: [
      {
        text: 'Evidence collection mapped to control frameworks',
        why: 'Audits consume weeks of senior staff time.',
        importance: 3,
      },
      {
        text: 'Data residency per region',
        why: 'Regulators require customer data to stay in-country.',
        importance: 3,
      },
      {
        text: 'Model risk documentation',
        why: 'Every model used in a decision must be explainable.',
        importance: 2,
      },
    ],
  },
  {
    name: 'Manufacturing',
    description: 'Discrete and process manufacturers digitizing operations.',
    marketSize: 3_000_000_000,
    growthForecast: [0.07, 0.07, 0.06, 0.06, 0.06],
    ourShare: 0.03,
    swot: [
      { kind: 'strength', text: 'Embedded analytics runs at the edge', score: 3 },
      { kind: 'weakness', text: 'No OPC-UA or historian connectors', score: 4 },
      { kind: 'opportunity', text: 'Predictive maintenance budgets growing', score: 4 },
      { kind: 'threat', text: 'Industrial IoT platforms moving up the stack', score: 3 },
    ],
    goalFit: [0.2, 0.5, 0.8, 0.6, 0.5],
    valueProposition: 'Line-level insight that operators trust, on the shop floor and in the boardroom.',
    requirements: [
      {
        text: 'Read sensor data from plant historians',
        why: 'Operators will not re-key data into another tool.',
        importance: 3,
      },
      { text: 'Offline-capable dashboards', why: 'Plants have unreliable connectivity.', importance: 2 },
      { text: 'Shift-based reporting', why: 'Performance is managed per shift, not per day.', importance: 2 },
    ],
  },
  {
    name: 'Retail & e-commerce',
    description: 'Omnichannel retailers and online marketplaces.',
    marketSize: 3_600_000_000,
    growthForecast: [0.11, 0.1, 0.09, 0.09, 0.08],
    ourShare: 0.05,
    swot: [
      { kind: 'strength', text: 'Fast embedded dashboards for storefronts', score: 4 },
      { kind: 'weakness', text: 'No native Shopify integration', score: 3 },
      { kind: 'opportunity', text: 'Retail media networks need measurement', score: 4 },
      { kind: 'threat', text: 'Commerce platforms giving analytics away free', score: 4 },
    ],
    goalFit: [0.1, 0.8, 0.7, 0.7, 0.4],
    valueProposition: 'Turn every store and channel into a measurable profit center.',
    requirements: [
      {
        text: 'Real-time inventory and sales dashboards',
        why: 'Stock-outs during promotions cost the most margin.',
        importance: 3,
      },
      {
        text: 'Customer cohort retention analysis',
        why: 'Acquisition costs doubled; keeping customers is cheaper.',
        importance: 2,
      },
      {
        text: 'Connectors for commerce platforms',
        why: 'Teams live in Shopify and marketplaces.',
        importance: 2,
      },
    ],
  },
  {
    name: 'Public sector',
    description: 'National and regional government agencies.',
    marketSize: 2_400_000_000,
    growthForecast: [0.05, 0.05, 0.05, 0.04, 0.04],
    ourShare: 0.02,
    swot: [
      { kind: 'strength', text: 'Accessibility conformance (WCAG 2.2 AA)', score: 3 },
      { kind: 'weakness', text: 'No FedRAMP authorization', score: 5 },
      { kind: 'opportunity', text: 'Open-data transparency programs', score: 3 },
      { kind: 'threat', text: 'Long procurement cycles', score: 4 },
    ],
    goalFit: [0.5, 0.4, 0.2, 0.3, 0.3],
    valueProposition: 'Transparent, accessible public reporting with audit-ready controls.',
    requirements: [
      {
        text: 'Accessible public dashboards',
        why: 'Law requires public information to be accessible to all.',
        importance: 3,
      },
      {
        text: 'Government cloud hosting',
        why: 'Agencies may only buy authorized cloud services.',
        importance: 3,
      },
    ],
  },
  {
    name: 'Tech start-ups & SMB',
    description: 'Software companies with 20–500 employees.',
    marketSize: 1_800_000_000,
    growthForecast: [0.18, 0.16, 0.14, 0.12, 0.1],
    ourShare: 0.08,
    swot: [
      { kind: 'strength', text: 'Self-serve onboarding in minutes', score: 4 },
      { kind: 'opportunity', text: 'AI assistants as a buying trigger', score: 4 },
      { kind: 'weakness', text: 'Pricing above SMB expectations', score: 3 },
      { kind: 'threat', text: 'Open-source BI tools', score: 4 },
      { kind: 'threat', text: 'High churn in downturns', score: 3 },
    ],
    goalFit: [0, 0.6, 0.4, 1, 0.6],
    valueProposition: 'Answers in plain language from day one, at a price that grows with you.',
    requirements: [
      {
        text: 'Natural-language questions over product data',
        why: 'Nobody on the team writes SQL.',
        importance: 3,
      },
      { text: 'Usage-based pricing', why: 'Budgets are small and unpredictable.', importance: 2 },
      {
        text: 'Integrations with the modern data stack',
        why: 'Data already lives in the warehouse.',
        importance: 2,
      },
    ],
  },
];

export const PRODUCT_LINES = [
  { name: 'Insight Platform', description: 'Analytics and AI-assisted insight.' },
  { name: 'Trust & Compliance', description: 'Audit, privacy and control assurance.' },
  { name: 'Workflow Suite', description: 'Forms, approvals and automation.' },
] as const;

export interface ProductSeed {
  name: string;
  slug: string;
  line: number;
  stage: 'ideation' | 'development' | 'launch' | 'growth' | 'maturity' | 'decline';
  description: string;
  /** segment index → fit 0..1 */
  segments: [number, number][];
  baseRevenue: number;
  growth: number;
  margin: number;
  ownedByProductUser: boolean;
  objects: string[];
}

export const PRODUCTS: ProductSeed[] = [
  {
    name: 'Lumen Analytics',
    slug: 'lumen-analytics',
    line: 0,
    stage: 'maturity',
    description: 'Self-service dashboards and reporting for business teams.',
    segments: [
      [0, 0.8],
      [1, 0.6],
      [3, 0.9],
      [5, 0.7],
    ],
    baseRevenue: 9_000_000,
    growth: 0.01,
    margin: 0.78,
    ownedByProductUser: true,
    objects: [
      'dashboard filters',
      'scheduled reports',
      'chart library',
      'data connectors',
      'row-level security',
      'PDF export',
      'drill-down',
      'KPI alerts',
    ],
  },
  {
    name: 'Lumen Embedded',
    slug: 'lumen-embedded',
    line: 0,
    stage: 'growth',
    description: 'Analytics embedded into customers’ own applications.',
    segments: [
      [3, 0.9],
      [5, 0.8],
      [2, 0.5],
    ],
    baseRevenue: 3_500_000,
    growth: 0.06,
    margin: 0.72,
    ownedByProductUser: true,
    objects: [
      'embedding SDK',
      'theming',
      'multi-tenant workspaces',
      'usage metering',
      'iframe security',
      'white-label',
    ],
  },
  {
    name: 'Prism AI Assistant',
    slug: 'prism-ai',
    line: 0,
    stage: 'launch',
    description: 'Ask questions of your data in plain language.',
    segments: [
      [5, 0.9],
      [3, 0.6],
      [0, 0.4],
      [1, 0.4],
    ],
    baseRevenue: 600_000,
    growth: 0.18,
    margin: 0.55,
    ownedByProductUser: true,
    objects: [
      'natural-language queries',
      'answer explanations',
      'semantic layer',
      'prompt guardrails',
      'chat history',
      'suggested questions',
    ],
  },
  {
    name: 'Sentinel Audit',
    slug: 'sentinel-audit',
    line: 1,
    stage: 'maturity',
    description: 'Continuous control monitoring and audit evidence.',
    segments: [
      [0, 0.9],
      [1, 0.9],
      [4, 0.6],
    ],
    baseRevenue: 7_000_000,
    growth: 0.015,
    margin: 0.81,
    ownedByProductUser: false,
    objects: [
      'control library',
      'evidence collection',
      'audit trail',
      'framework mapping',
      'auditor portal',
      'exception workflow',
    ],
  },
  {
    name: 'Sentinel Privacy',
    slug: 'sentinel-privacy',
    line: 1,
    stage: 'development',
    description: 'Data discovery, consent and data-subject requests.',
    segments: [
      [0, 0.8],
      [1, 0.7],
      [4, 0.7],
    ],
    baseRevenue: 0,
    growth: 0,
    margin: 0,
    ownedByProductUser: false,
    objects: [
      'data discovery',
      'consent records',
      'subject access requests',
      'retention policies',
      'data residency',
    ],
  },
  {
    name: 'Relay Workflows',
    slug: 'relay-workflows',
    line: 2,
    stage: 'growth',
    description: 'Approvals and automation across teams.',
    segments: [
      [2, 0.8],
      [3, 0.6],
      [1, 0.5],
      [5, 0.6],
    ],
    baseRevenue: 4_000_000,
    growth: 0.05,
    margin: 0.74,
    ownedByProductUser: false,
    objects: [
      'approval flows',
      'SLA timers',
      'workflow templates',
      'webhooks',
      'escalations',
      'mobile approvals',
    ],
  },
  {
    name: 'Relay Forms',
    slug: 'relay-forms',
    line: 2,
    stage: 'decline',
    description: 'Form builder for data collection (superseded by Relay Workflows).',
    segments: [
      [4, 0.5],
      [2, 0.4],
    ],
    baseRevenue: 1_500_000,
    growth: -0.04,
    margin: 0.6,
    ownedByProductUser: false,
    objects: ['form builder', 'field validation', 'offline forms', 'PDF forms'],
  },
  {
    name: 'Beacon Mobile',
    slug: 'beacon-mobile',
    line: 2,
    stage: 'ideation',
    description: 'Field-worker app for inspections and checklists.',
    segments: [
      [2, 0.9],
      [4, 0.5],
    ],
    baseRevenue: 0,
    growth: 0,
    margin: 0,
    ownedByProductUser: false,
    objects: ['inspection checklists', 'photo capture', 'offline sync', 'barcode scanning'],
  },
];

export const ROLES = ['Backend', 'Frontend', 'Data science', 'Design', 'QA', 'DevOps'] as const;

export const FEATURE_VERBS = [
  'Add',
  'Improve',
  'Speed up',
  'Redesign',
  'Automate',
  'Secure',
  'Localize',
  'Simplify',
  'Extend',
  'Audit',
] as const;

export const FEEDBACK_OPENERS = [
  'We need',
  'It would help a lot to have',
  'Our team keeps asking for',
  'Blocking our renewal:',
  'Please consider',
  'Competitor X already offers',
  'Our auditors want',
  'We would expand usage with',
] as const;

export const COMPANY_WORDS = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Acme',
  'Hooli',
  'Vandelay',
  'Tyrell',
  'Soylent',
  'Cyberdyne',
  'Wonka',
  'Gringotts',
  'Oscorp',
  'Pied Piper',
  'Dunder',
  'Monarch',
] as const;

export const COMPANY_SUFFIX: Record<number, readonly string[]> = {
  0: ['Health', 'Medical Center', 'Clinics', 'Care Network'],
  1: ['Bank', 'Insurance', 'Capital', 'Asset Management'],
  2: ['Manufacturing', 'Industries', 'Components', 'Fabrication'],
  3: ['Retail', 'Stores', 'Commerce', 'Outfitters'],
  4: ['County', 'Agency', 'Department', 'Authority'],
  5: ['Labs', 'Software', 'AI', 'Cloud'],
};

export const COMPETITORS = [
  {
    name: 'Chartwell BI',
    strengths: 'Large connector catalogue; brand recognition.',
    weaknesses: 'Slow, expensive, no compliance story.',
    segments: [0, 3, 5],
    share: 0.18,
  },
  {
    name: 'Auditly',
    strengths: 'Deep GRC workflows; big-four partnerships.',
    weaknesses: 'Dated UX; long implementations.',
    segments: [1, 4],
    share: 0.22,
  },
  {
    name: 'OpenLens (open source)',
    strengths: 'Free; large community.',
    weaknesses: 'No support, no governance.',
    segments: [5, 3],
    share: 0.12,
  },
  {
    name: 'FlowStack',
    strengths: 'Cheap workflow automation.',
    weaknesses: 'No analytics; weak security.',
    segments: [2, 3, 5],
    share: 0.1,
  },
  {
    name: 'MedMetrics',
    strengths: 'EHR-native analytics.',
    weaknesses: 'Healthcare only.',
    segments: [0],
    share: 0.2,
  },
  {
    name: 'PlantView',
    strengths: 'Historian connectors; shop-floor UX.',
    weaknesses: 'No enterprise reporting.',
    segments: [2],
    share: 0.15,
  },
  {
    name: 'GovDash',
    strengths: 'FedRAMP authorized.',
    weaknesses: 'Feature-poor.',
    segments: [4],
    share: 0.25,
  },
  {
    name: 'AskData AI',
    strengths: 'Strong natural-language answers.',
    weaknesses: 'Hallucinations; no audit trail.',
    segments: [5, 3, 1],
    share: 0.07,
  },
] as const;

export const INITIATIVE_THEMES = [
  { name: 'FHIR connector suite', kind: 'enhancement', segment: 0, product: 0 },
  { name: 'Hospital benchmarking network', kind: 'new_product', segment: 0, product: 0 },
  { name: 'Clinical role-based views', kind: 'enhancement', segment: 0, product: 0 },
  { name: 'DORA resilience pack', kind: 'compliance', segment: 1, product: 3 },
  { name: 'EU data residency', kind: 'platform', segment: 1, product: null },
  { name: 'Model risk documentation', kind: 'enhancement', segment: 1, product: 2 },
  { name: 'Historian connectors', kind: 'enhancement', segment: 2, product: 1 },
  { name: 'Acquire PlantView', kind: 'acquisition', segment: 2, product: null },
  { name: 'Shift reporting', kind: 'enhancement', segment: 2, product: 0 },
  { name: 'Shopify app', kind: 'enhancement', segment: 3, product: 1 },
  { name: 'Retail media measurement', kind: 'new_product', segment: 3, product: null },
  { name: 'Cohort retention module', kind: 'enhancement', segment: 3, product: 0 },
  { name: 'FedRAMP Moderate authorization', kind: 'compliance', segment: 4, product: null },
  { name: 'Accessible public dashboards', kind: 'enhancement', segment: 4, product: 0 },
  { name: 'Usage-based pricing', kind: 'platform', segment: 5, product: 2 },
  { name: 'Warehouse-native semantic layer', kind: 'platform', segment: 5, product: 2 },
  { name: 'Prism answers in Slack', kind: 'enhancement', segment: 5, product: 2 },
  { name: 'SOC 2 continuous evidence', kind: 'compliance', segment: null, product: 3 },
  { name: 'Single sign-on everywhere', kind: 'platform', segment: null, product: null },
  { name: 'Query engine rewrite', kind: 'platform', segment: null, product: 0 },
] as const;
