import type { OrgKey } from './organisations.js';

/** Kinds of Prevent work; each theme set files them under its own theme names. */
export type Category =
  | 'training'
  | 'education'
  | 'policy'
  | 'referral'
  | 'channel'
  | 'risk'
  | 'governance'
  | 'awareness'
  | 'communications'
  | 'engagement'
  | 'permissive';

/** One kind of action: title and outcome ({place}, {n}, {force} filled in) and the organisations that usually lead it. */
export interface ActionTemplate {
  category: Category;
  title: string;
  outcome: string;
  leads: OrgKey[];
}

const t = (category: Category, title: string, outcome: string, leads: OrgKey[]): ActionTemplate => ({ category, title, outcome, leads });

/** Actions as Prevent partnerships write them. */
export const ACTION_TEMPLATES: ActionTemplate[] = [
  t(
    'training',
    'Deliver bespoke Prevent training to {place} Council staff, including apprentices and members',
    'Staff and members are aware of their responsibilities regarding Prevent and how to make referrals',
    ['cst', 'ld'],
  ),
  t(
    'training',
    'Deliver bespoke training to police officers and staff',
    'Officers are aware of their responsibilities regarding Prevent and how to make referrals',
    ['police'],
  ),
  t(
    'training',
    'Deliver {n} Prevent awareness sessions a year to partner organisations',
    'Partners are confident to spot the signs and refer',
    ['cst', 'police'],
  ),
  t(
    'training',
    'Ensure all front-line housing officers complete Prevent e-learning',
    'Housing officers recognise and refer radicalisation concerns',
    ['housing', 'cst'],
  ),
  t(
    'training',
    'Refresh Channel panel members’ training on vulnerability assessment',
    'Panel decisions are consistent and well evidenced',
    ['channel', 'cst'],
  ),
  t(
    'training',
    'Embrace training opportunities from Counter Terrorism Policing, e.g. webinars and conferences',
    'Knowledge of emerging trends and legislation is up to date',
    ['all'],
  ),
  t(
    'training',
    'Deliver the Workshop to Raise Awareness of Prevent (WRAP) to {n} taxi drivers',
    'Licensed drivers know how to report concerns',
    ['licensing', 'cst'],
  ),
  t(
    'training',
    'Train adult social care practitioners on Prevent and safeguarding',
    'Practitioners refer appropriately through the safeguarding route',
    ['asc', 'cst'],
  ),
  t(
    'training',
    'Train children’s social care teams on online radicalisation',
    'Social workers recognise online grooming and extremist content',
    ['csc', 'cst'],
  ),
  t(
    'training',
    'Develop multi-agency case studies for use in training',
    'Real-life case studies bring a degree of reality to Prevent training',
    ['cst', 'police'],
  ),
  t(
    'education',
    'Support schools through training, advice and guidance on the Prevent duty',
    'Education settings are confident in their Prevent duty responsibilities',
    ['schools', 'cst', 'dfe'],
  ),
  t(
    'education',
    'Offer Prevent training to all designated safeguarding leads in {place} schools',
    'Every school has a trained safeguarding lead',
    ['schools', 'dfe'],
  ),
  t('education', 'Work with {place} College to embed Prevent in the student induction', 'New students know where to go with concerns', [
    'college',
    'dfe',
  ]),
  t('education', 'Review the university’s external speaker and events policy', 'Events are risk assessed and freedom of speech protected', [
    'university',
    'dfe',
  ]),
  t('education', 'Deliver {n} online safety workshops for parents and carers', 'Parents understand online risks and where to get help', [
    'schools',
    'cst',
  ]),
  t('education', 'Share the Educate Against Hate resources with all schools', 'Teachers use up-to-date classroom resources', [
    'schools',
    'dfe',
  ]),
  t(
    'education',
    'Support supplementary schools and out-of-school settings with safeguarding',
    'Settings have safeguarding policies that include Prevent',
    ['schools', 'community'],
  ),
  t('policy', 'Review and refresh the {place} Prevent policy and Channel guidance', 'Policy reflects the latest Prevent duty guidance', [
    'cst',
  ]),
  t('policy', 'Embed Prevent in the council’s safeguarding policies and procedures', 'Prevent is part of everyday safeguarding', [
    'cst',
    'asc',
    'csc',
  ]),
  t('policy', 'Ensure commissioned services include Prevent duty clauses in contracts', 'Providers know and meet their Prevent duty', [
    'cst',
  ]),
  t(
    'policy',
    'Adopt an IT acceptable use policy that filters extremist content',
    'Council networks cannot be used to access terrorist material',
    ['cst'],
  ),
  t(
    'policy',
    'Review the venue hire policy so council premises are not used to spread extremist views',
    'Bookings are checked and risky events refused',
    ['cst', 'licensing'],
  ),
  t(
    'policy',
    'Align the Prevent action plan with the Community Safety Partnership strategy',
    'Prevent priorities are reflected in partnership plans',
    ['cst'],
  ),
  t('policy', 'Complete the annual Prevent duty self-assessment against the toolkit', 'Gaps are identified and added to the plan', [
    'cst',
    'homeoffice',
  ]),
  t('referral', 'Publish a clear Prevent referral pathway for all partners', 'Partners know how and where to refer', ['cst', 'police']),
  t('referral', 'Audit referrals that did not progress to Channel and share learning', 'Referral quality improves', ['police', 'cst']),
  t(
    'referral',
    'Ensure the multi-agency safeguarding hub can triage Prevent referrals',
    'Referrals are screened quickly and consistently',
    ['csc', 'police'],
  ),
  t('referral', 'Report referral numbers and sources to the partnership board each quarter', 'The board understands local demand', [
    'police',
    'cst',
  ]),
  t('referral', 'Promote the Act Early website and helpline to families', 'Families know where to get advice', ['cst', 'comms']),
  t('channel', 'Hold the Channel panel monthly, chaired by the council', 'Cases are reviewed promptly and support agreed', [
    'cst',
    'channel',
  ]),
  t('channel', 'Review every Channel case six months after support ends', 'Outcomes of interventions are known', ['channel', 'police']),
  t('channel', 'Maintain a register of approved intervention providers', 'Support is available without delay', ['cst', 'homeoffice']),
  t('channel', 'Ensure Channel panel members attend at least ten of the twelve panels a year', 'The panel is quorate and consistent', [
    'channel',
  ]),
  t('channel', 'Complete the annual Channel assurance statement', 'The Home Office receives assurance on time', ['cst']),
  t(
    'risk',
    'Refresh the local Prevent risk assessment with the Counter Terrorism Local Profile',
    'Activity is targeted at the most significant local risks',
    ['police', 'cst'],
  ),
  t('risk', 'Share the Counter Terrorism Local Profile briefing with partners', 'Partners understand local threat and risk', ['police']),
  t('risk', 'Map community tensions and report monthly to the partnership', 'Emerging tensions are spotted early', ['police', 'community']),
  t('risk', 'Assess the risk from online radicalisation among young people', 'Youth services focus on the highest risks', [
    'yjs',
    'csc',
    'police',
  ]),
  t('risk', 'Review the risk assessment for events in council venues', 'Events are safe and lawful', ['licensing', 'cst']),
  t('governance', 'Hold the Prevent partnership board quarterly', 'Delivery of the plan is overseen and risks escalated', ['cst']),
  t('governance', 'Report progress on this plan to the Community Safety Partnership', 'The partnership holds agencies to account', ['cst']),
  t('governance', 'Attend the regional Prevent network and share best practice', 'Good practice from other areas is adopted', [
    'cst',
    'police',
  ]),
  t('governance', 'Agree data-sharing arrangements between partners for Prevent', 'Information is shared lawfully and quickly', [
    'cst',
    'police',
    'health',
  ]),
  t('governance', 'Hold a stakeholder forum every six months', 'Partners shape the plan and hear about progress', ['cst']),
  t('governance', 'Recruit and induct new partnership board members', 'All key agencies are represented', ['cst']),
  t('awareness', 'Raise awareness of Prevent among front-line staff through team briefings', 'Staff know what Prevent is and is not', [
    'cst',
    'all',
  ]),
  t('awareness', 'Run a Prevent awareness week in {place}', 'Residents and staff understand how Prevent protects people', ['cst', 'comms']),
  t('awareness', 'Brief elected members on Prevent and their role', 'Members can champion Prevent in their wards', ['cst']),
  t('awareness', 'Raise awareness of extreme right-wing materials and symbols', 'Staff recognise and report extremist materials', [
    'police',
    'cst',
  ]),
  t('awareness', 'Circulate a quarterly Prevent newsletter to partners', 'Partners are kept up to date', ['cst', 'comms']),
  t('awareness', 'Promote ACT (Action Counters Terrorism) to local businesses', 'Businesses know how to report suspicious activity', [
    'business',
    'police',
  ]),
  t('communications', 'Publish a Prevent page on the council website with referral routes', 'Residents can find advice and how to refer', [
    'comms',
    'cst',
  ]),
  t(
    'communications',
    'Agree a communications protocol for responding to critical incidents',
    'Partners give consistent messages after an incident',
    ['comms', 'police'],
  ),
  t('communications', 'Counter misinformation about Prevent through community channels', 'Trust in Prevent grows', ['comms', 'community']),
  t('communications', 'Use social media to promote safeguarding messages during school holidays', 'Parents get timely advice', [
    'comms',
    'schools',
  ]),
  t('communications', 'Produce an annual Prevent report for the partnership board', 'The board can see what was achieved', ['cst']),
  t('engagement', 'Engage with and support faith groups', 'Faith leaders trust and work with the partnership', ['faith', 'cst', 'police']),
  t(
    'engagement',
    'Develop relationships with community groups to build support for Prevent',
    'Communities are partners in Prevent delivery',
    ['community', 'cst'],
  ),
  t('engagement', 'Hold community listening events in {n} neighbourhoods', 'Concerns about Prevent are heard and answered', [
    'cst',
    'community',
  ]),
  t('engagement', 'Work with youth services to offer positive activities', 'Young people at risk have alternatives', ['yjs', 'community']),
  t('engagement', 'Engage women’s groups on safeguarding and online harms', 'Mothers and carers are confident to seek help', [
    'community',
    'cst',
  ]),
  t(
    'engagement',
    'Engage local businesses, e.g. through the Business Improvement District',
    'Businesses support Prevent and report concerns',
    ['business', 'cst'],
  ),
  t('engagement', 'Support health partners to embed Prevent in primary care', 'GPs and practice staff refer appropriately', ['health']),
  t('engagement', 'Work with probation to manage terrorism-risk offenders in the community', 'Offenders are supervised and supported', [
    'probation',
    'police',
  ]),
  t('permissive', 'Ensure council venues are not used by extremist speakers', 'Extremists are denied a platform in public buildings', [
    'licensing',
    'cst',
  ]),
  t(
    'permissive',
    'Remove extremist graffiti and stickers within {n} working days of a report',
    'Extremist propaganda is not left on the streets',
    ['cst', 'police'],
  ),
  t(
    'permissive',
    'Check libraries’ computers filter terrorist and extremist content',
    'Public computers cannot be used to access terrorist material',
    ['cst'],
  ),
  t('permissive', 'Review grants and funding to ensure no support for extremist groups', 'Public money does not fund extremism', ['cst']),
  t('permissive', 'Work with landlords to report extremist activity in rented premises', 'Premises are not used to radicalise', [
    'housing',
    'police',
  ]),
  t('permissive', 'Monitor and report online extremist content affecting {place}', 'Harmful content is reported and removed', [
    'police',
    'comms',
  ]),
];
