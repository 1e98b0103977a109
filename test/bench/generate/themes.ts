import type { Category } from './action-templates.js';

/** A way partnerships group their actions: theme names in order, and the theme each kind of work goes under. */
export interface ThemeSet {
  themes: string[];
  themeOf: Record<Category, string>;
}

/** The theme sets seen in real plans: the City of London style, the board style, and the Home Office toolkit's eight areas. */
export const THEME_SETS: ThemeSet[] = [
  {
    themes: ['Training and engagement', 'Policy/Processes', 'Awareness', 'Other'],
    themeOf: {
      training: 'Training and engagement',
      education: 'Training and engagement',
      engagement: 'Training and engagement',
      policy: 'Policy/Processes',
      referral: 'Policy/Processes',
      channel: 'Policy/Processes',
      risk: 'Policy/Processes',
      governance: 'Policy/Processes',
      awareness: 'Awareness',
      communications: 'Awareness',
      permissive: 'Other',
    },
  },
  {
    themes: ['Governance', 'Engagement', 'Communications', 'Training'],
    themeOf: {
      governance: 'Governance',
      policy: 'Governance',
      risk: 'Governance',
      referral: 'Governance',
      channel: 'Governance',
      engagement: 'Engagement',
      permissive: 'Engagement',
      education: 'Training',
      training: 'Training',
      awareness: 'Communications',
      communications: 'Communications',
    },
  },
  {
    themes: [
      'Partnership group',
      'Risk assessment',
      'Partnership plan',
      'Referral pathway',
      'Channel panel',
      'Training',
      'Reducing permissive environments',
      'Communications and engagement',
    ],
    themeOf: {
      governance: 'Partnership group',
      risk: 'Risk assessment',
      policy: 'Partnership plan',
      referral: 'Referral pathway',
      channel: 'Channel panel',
      training: 'Training',
      education: 'Training',
      permissive: 'Reducing permissive environments',
      awareness: 'Communications and engagement',
      communications: 'Communications and engagement',
      engagement: 'Communications and engagement',
    },
  },
];
