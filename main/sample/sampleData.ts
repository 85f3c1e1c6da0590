import { SAMPLE_SOURCES } from './sampleSources';
import type { SampleKb } from './sampleTypes';

/**
 * The sample knowledge base: twenty cases of inter-organisational and collective conflict
 * management, drawn from Crocker, Hampson & Aall, “Collective conflict management”, International
 * Affairs 87: 1 (2011), pp. 39–58, and Haugevik, “New partners, new possibilities”, NUPI Security
 * in Practice 6 (2007). Summaries and notes paraphrase those texts; quotations are short and sit in
 * footnotes with their page. Values the sources do not give are left out on purpose, as in a real
 * working file.
 *
 * Footnote pages follow the printed page breaks. Crocker, Hampson & Aall: the corpus text marks
 * p. 50 explicitly, and every other page ends with its block of footnotes (p. 40 ends after n. 5,
 * p. 45 after n. 21, p. 46 has none, p. 47 ends after n. 23, p. 49 after n. 26, p. 53 after n. 31,
 * p. 54 after n. 35, p. 56 after n. 39). Haugevik: section starts from the table of contents
 * (4.1 on p. 17 … 4.6 on p. 25) and footnote blocks as page ends within sections.
 */
export const SAMPLE_KB: SampleKb = {
  sources: SAMPLE_SOURCES,

  fields: [
    {
      key: 'threatType',
      name: 'Threat type',
      type: 'single_select',
      options: [
        'piracy',
        'civil war',
        'insurgency',
        'interstate dispute',
        'secessionist conflict',
        'terrorism',
        'humanitarian crisis',
        'organised crime',
        'WMD proliferation',
        'post-conflict instability',
      ],
    },
    {
      key: 'outcome',
      name: 'Outcome',
      type: 'single_select',
      options: ['settlement reached', 'partial success', 'stalemate', 'failure', 'ongoing'],
    },
    {
      key: 'mechanisms',
      name: 'Mechanisms',
      type: 'multi_select',
      options: [
        'contact group',
        'group of friends',
        'multiparty mediation',
        'mediation support',
        'facilitated dialogue',
        'hybrid mission',
        'sequential deployment',
        'bridging operation',
        'parallel deployment',
        'Berlin Plus arrangement',
        'naval coordination',
        'logistical support',
        'financial support',
        'ceasefire monitoring',
        'capacity building',
        'law-enforcement cooperation',
        'interdiction',
        'election support',
        'institutional partnership',
      ],
    },
    { key: 'leadOrganisation', name: 'Lead organisation', type: 'text' },
    { key: 'troopsDeployed', name: 'Troops deployed', type: 'number' },
    { key: 'participatingStates', name: 'Participating states', type: 'number' },
    { key: 'agreementSigned', name: 'Agreement signed', type: 'date' },
    { key: 'unMandate', name: 'UN mandate', type: 'boolean' },
    { key: 'keyDocument', name: 'Key document', type: 'url' },
    { key: 'mainLesson', name: 'Main lesson', type: 'text' },
  ],

  actors: [
    // International and regional organisations
    { key: 'un', name: 'United Nations', abbreviation: 'UN', kind: 'organisation' },
    { key: 'unsc', name: 'UN Security Council', abbreviation: 'UNSC', kind: 'organisation' },
    { key: 'unSecGen', name: 'UN Secretary-General', kind: 'person' },
    { key: 'dpko', name: 'UN Department of Peacekeeping Operations', abbreviation: 'DPKO', kind: 'organisation' },
    { key: 'unodc', name: 'United Nations Office on Drugs and Crime', abbreviation: 'UNODC', kind: 'organisation' },
    { key: 'unhcr', name: 'UN High Commissioner for Refugees', abbreviation: 'UNHCR', kind: 'organisation' },
    { key: 'undp', name: 'UN Development Programme', abbreviation: 'UNDP', kind: 'organisation' },
    { key: 'iom', name: 'International Organization for Migration', abbreviation: 'IOM', kind: 'organisation' },
    { key: 'imo', name: 'International Maritime Organization', abbreviation: 'IMO', kind: 'organisation' },
    { key: 'worldBank', name: 'World Bank', kind: 'organisation' },
    { key: 'nato', name: 'North Atlantic Treaty Organization', abbreviation: 'NATO', kind: 'organisation' },
    { key: 'eu', name: 'European Union', abbreviation: 'EU', kind: 'organisation' },
    { key: 'au', name: 'African Union', abbreviation: 'AU', kind: 'organisation' },
    { key: 'ecowas', name: 'Economic Community of West African States', abbreviation: 'ECOWAS', kind: 'organisation' },
    { key: 'oic', name: 'Organization of the Islamic Conference', abbreviation: 'OIC', kind: 'organisation' },
    { key: 'osce', name: 'Organization for Security and Co-operation in Europe', abbreviation: 'OSCE', kind: 'organisation' },
    { key: 'spmu', name: 'OSCE Strategic Police Matters Unit', abbreviation: 'SPMU', kind: 'organisation' },
    {
      key: 'seciCentre',
      name: 'SECI Regional Centre for Combating Transborder Crime',
      abbreviation: 'SECI Centre',
      kind: 'organisation',
    },
    { key: 'g8', name: 'Group of Eight', abbreviation: 'G8', kind: 'group' },
    { key: 'asiaFoundation', name: 'The Asia Foundation', kind: 'organisation' },
    { key: 'hdCentre', name: 'Centre for Humanitarian Dialogue', abbreviation: 'HDC', kind: 'organisation' },

    // Contact groups, coalitions and non-state groups
    { key: 'icgLiberia', name: 'International Contact Group on Liberia', abbreviation: 'ICG-L', kind: 'group' },
    { key: 'icgMindanao', name: 'International Contact Group (Mindanao)', abbreviation: 'ICG', kind: 'group' },
    { key: 'minskGroup', name: 'Minsk Group', kind: 'group' },
    { key: 'psi', name: 'Proliferation Security Initiative', abbreviation: 'PSI', kind: 'group' },
    { key: 'shipping', name: 'Merchant shipping and insurance industry', kind: 'group' },
    { key: 'somaliRegions', name: 'Authorities of Somaliland and Puntland', kind: 'group' },
    { key: 'npp', name: 'National Patriotic Party', abbreviation: 'NPP', kind: 'group' },
    { key: 'lurd', name: 'Liberians United for Reconciliation and Democracy', abbreviation: 'LURD', kind: 'group' },
    { key: 'model', name: 'Movement for Democracy in Liberia', abbreviation: 'MODEL', kind: 'group' },
    { key: 'womenLiberia', name: 'Women of Liberia Mass Action for Peace', kind: 'group' },
    { key: 'milf', name: 'Moro Islamic Liberation Front', abbreviation: 'MILF', kind: 'group' },
    { key: 'transdniestria', name: 'Transdniestrian separatist authorities', kind: 'group' },

    // States and governments
    { key: 'usa', name: 'United States', abbreviation: 'US', kind: 'state' },
    { key: 'uk', name: 'United Kingdom', abbreviation: 'UK', kind: 'state' },
    { key: 'france', name: 'France', kind: 'state' },
    { key: 'russia', name: 'Russia', kind: 'state' },
    { key: 'germany', name: 'Germany', kind: 'state' },
    { key: 'denmark', name: 'Denmark', kind: 'state' },
    { key: 'turkey', name: 'Turkey', kind: 'state' },
    { key: 'japan', name: 'Japan', kind: 'state' },
    { key: 'canada', name: 'Canada', kind: 'state' },
    { key: 'kenya', name: 'Kenya', kind: 'state' },
    { key: 'ghana', name: 'Ghana', kind: 'state' },
    { key: 'malaysia', name: 'Malaysia', kind: 'state' },
    { key: 'brunei', name: 'Brunei', kind: 'state' },
    { key: 'libya', name: 'Libya', kind: 'state' },
    { key: 'afghanistan', name: 'Afghanistan', kind: 'state' },
    { key: 'pakistan', name: 'Pakistan', kind: 'state' },
    { key: 'armenia', name: 'Armenia', kind: 'state' },
    { key: 'azerbaijan', name: 'Azerbaijan', kind: 'state' },
    { key: 'moldova', name: 'Moldova', kind: 'state' },
    { key: 'sudan', name: 'Government of Sudan', kind: 'state' },
    { key: 'somaliaTfg', name: 'Transitional Federal Government of Somalia', abbreviation: 'TFG', kind: 'state' },
    { key: 'grp', name: 'Government of the Republic of the Philippines', abbreviation: 'GRP', kind: 'state' },

    // People
    { key: 'abubakar', name: 'Abdulsalami Abubakar', kind: 'person' },
    { key: 'musharraf', name: 'Pervez Musharraf', kind: 'person' },
    { key: 'solana', name: 'Javier Solana', kind: 'person' },
    { key: 'obama', name: 'Barack Obama', kind: 'person' },

    // Missions and operations
    { key: 'oceanShield', name: 'Operation Ocean Shield', kind: 'mission' },
    { key: 'atalanta', name: 'EU NAVFOR Somalia – Operation Atalanta', abbreviation: 'EU NAVFOR', kind: 'mission' },
    { key: 'ctf151', name: 'Combined Task Force 151', abbreviation: 'CTF-151', kind: 'mission' },
    { key: 'isaf', name: 'International Security Assistance Force', abbreviation: 'ISAF', kind: 'mission' },
    { key: 'unama', name: 'UN Assistance Mission in Afghanistan', abbreviation: 'UNAMA', kind: 'mission' },
    { key: 'monuc', name: 'United Nations Mission in Congo', abbreviation: 'MONUC', kind: 'mission' },
    { key: 'artemis', name: 'Operation Artemis', kind: 'mission' },
    { key: 'euforRdc', name: 'European Union Force in the DR Congo', abbreviation: 'EUFOR RD Congo', kind: 'mission' },
    { key: 'eupm', name: 'EU Police Mission in Bosnia and Herzegovina', abbreviation: 'EUPM', kind: 'mission' },
    { key: 'iptf', name: 'International Police Task Force', abbreviation: 'IPTF', kind: 'mission' },
    { key: 'concordia', name: 'Operation Concordia', kind: 'mission' },
    { key: 'alliedHarmony', name: 'Operation Allied Harmony', kind: 'mission' },
    { key: 'althea', name: 'EUFOR Althea', kind: 'mission' },
    { key: 'unprofor', name: 'UN Protection Force', abbreviation: 'UNPROFOR', kind: 'mission' },
    { key: 'ifor', name: 'Implementation Force', abbreviation: 'IFOR', kind: 'mission' },
    { key: 'sfor', name: 'Stabilization Force', abbreviation: 'SFOR', kind: 'mission' },
    { key: 'kfor', name: 'Kosovo Force', abbreviation: 'KFOR', kind: 'mission' },
    { key: 'unmik', name: 'UN Mission in Kosovo', abbreviation: 'UNMIK', kind: 'mission' },
    { key: 'amib', name: 'African Union Mission in Burundi', abbreviation: 'AMIB', kind: 'mission' },
    { key: 'onub', name: 'United Nations Mission in Burundi', abbreviation: 'ONUB', kind: 'mission' },
    { key: 'amis', name: 'African Union Mission in Sudan', abbreviation: 'AMIS', kind: 'mission' },
    { key: 'unmis', name: 'United Nations Mission in Sudan', abbreviation: 'UNMIS', kind: 'mission' },
    { key: 'unamid', name: 'United Nations African Union Mission in Darfur', abbreviation: 'UNAMID', kind: 'mission' },
    { key: 'amisom', name: 'African Union Mission in Somalia', abbreviation: 'AMISOM', kind: 'mission' },
  ],

  cases: [
    {
      title: 'Horn of Africa piracy, 2009',
      summary:
        'An improvised counter-piracy effort in the Gulf of Aden and the Indian Ocean that joined three separate naval coalitions, a regional prosecuting state and the shipping industry, endorsed by the Security Council but without a single command.',
      periodStart: '2009',
      periodEnd: null,
      region: 'Horn of Africa',
      status: 'complete',
      tags: ['maritime', 'collective conflict management', 'private sector', 'regional organisation'],
      actors: [
        { actor: 'nato', role: 'initial lead; naval coalition' },
        { actor: 'oceanShield', role: 'naval patrol (NATO)' },
        { actor: 'atalanta', role: 'naval patrol (EU)' },
        { actor: 'ctf151', role: 'naval patrol (coalition)' },
        { actor: 'unsc', role: 'mandating body' },
        { actor: 'kenya', role: 'prosecutes captured suspects' },
        { actor: 'imo', role: 'best-practice partner' },
        { actor: 'shipping', role: 'self-protection of vessels' },
        { actor: 'somaliaTfg', role: 'consenting government' },
        { actor: 'somaliRegions', role: 'local partner' },
      ],
      values: {
        threatType: 'piracy',
        outcome: 'partial success',
        mechanisms: ['naval coordination', 'capacity building'],
        leadOrganisation: 'NATO (initial lead)',
        unMandate: true,
        keyDocument: 'https://undocs.org/S/RES/1851(2008)',
        mainLesson: 'Tactical coordination among separate naval coalitions can work without a unified command; prosecution capacity ashore is the bottleneck.',
      },
      footnotes: {
        coalition: [{ source: 'crocker2011collective', locator: '46' }],
        ccm: [{ source: 'crocker2011collective', locator: '51-52', prefix: 'on how CCM differs from collective defence and collective security, see' }, { source: 'crc1998collective', prefix: 'and, for the older notion,' }, { source: 'siddiqi2023need' }],
        navies: [{ source: 'crocker2011collective', locator: '47', suffix: 'n. 23' }],
        kenya: [{ source: 'crocker2011collective', locator: '46' }],
        crews: [{ source: 'crocker2011collective', locator: '46' }],
        land: [{ source: 'crocker2011collective', locator: '47' }],
        tactical: [{ source: 'crocker2011collective', locator: '46', quote: 'Although there is no unified command structure among the three naval contingents, there has been extensive coordination at the tactical level' }],
        r1851: [{ source: 'unsc2008res1851' }, { source: 'crocker2011collective', locator: '46-47' }],
        asks: [{ source: 'crocker2011collective', locator: '47' }],
        custom: [{ source: 'unsc2008res1851' }, { source: 'crocker2011collective', locator: '47', prefix: 'quoted in', suffix: 'n. 22' }],
        rotberg: [{ source: 'rotberg2010combating' }, { source: 'crocker2011collective', locator: '47', prefix: 'cited in', suffix: 'n. 23' }],
        ssr: [{ source: 'crocker2011collective', locator: '47' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Overview' },
        {
          type: 'paragraph',
          text: 'In 2009 rising attacks on merchant vessels off the Horn of Africa drew together a loose coalition of intergovernmental, regional, state and private actors.[^coalition] Crocker, Hampson and Aall use it as their lead example of **collective conflict management** (CCM): no treaty obligation and no unified command, but dense coordination among those able to contribute.[^ccm]',
        },
        { type: 'heading', level: 3, text: 'Who did what' },
        {
          type: 'bullets',
          items: [
            '**Naval forces**: NATO (*Operation Ocean Shield*), the EU’s NAVFOR Somalia (*Operation Atalanta*) and Combined Task Force 151 patrolled side by side.[^navies]',
            '**Kenya** agreed to prosecute captured suspects; other states in the region lacked the legislation or the political will.[^kenya]',
            '**Shipping companies** hardened their own vessels; by the authors’ account crews now defeat up to 70 per cent of attacks themselves.[^crews]',
            'Some Somali non-state authorities, notably in Somaliland and Puntland, made modest political progress on land.[^land]',
          ],
        },
        {
          type: 'quote',
          text: 'Although there is no unified command structure among the three naval contingents, there has been extensive coordination at the tactical level[^tactical]',
        },
        { type: 'heading', level: 3, text: 'The Security Council’s role' },
        {
          type: 'paragraph',
          text: 'Resolution 1851 (2008) endorsed this *neighbourhood watch* pattern in all but name.[^r1851] It called on capable states and organisations to join in, invited shiprider arrangements with Somalia’s neighbours, urged a common point of contact among all those involved, and asked for judicial capacity-building in the region.[^asks] It also insisted that the authorisation applied to Somalia alone and created no customary law.[^custom]',
        },
        { type: 'heading', level: 3, text: 'Assessment' },
        {
          type: 'paragraph',
          text: 'The 2009 figures the authors cite from Rotberg are substantial: 411 of 706 pirate operations encountered were disrupted and 269 suspects handed over for prosecution.[^rotberg] Yet with about two dozen patrol ships in a vast sea area the threat did not recede. Naval action treats symptoms; the authors point to security sector reform and regional coastguard capacity as the longer-term need.[^ssr]',
        },
      ],
    },

    {
      title: 'Dubai Process on the Afghanistan–Pakistan border, 2007',
      summary:
        'Canada convened a series of technical workshops through which Afghan and Pakistani officials began cooperating on border management despite their unresolved dispute over the Durand Line.',
      periodStart: '2007',
      periodEnd: null,
      region: 'South Asia',
      status: 'in_progress',
      tags: ['border management', 'counter-narcotics', 'collective conflict management', 'facilitation'],
      actors: [
        { actor: 'canada', role: 'facilitator' },
        { actor: 'afghanistan', role: 'party' },
        { actor: 'pakistan', role: 'party' },
        { actor: 'musharraf', role: 'trigger (proposal to mine the border)' },
        { actor: 'g8', role: 'political framework (Potsdam Statement)' },
        { actor: 'unodc', role: 'partner' },
        { actor: 'unama', role: 'partner' },
        { actor: 'unhcr', role: 'partner' },
        { actor: 'iom', role: 'partner' },
        { actor: 'worldBank', role: 'partner' },
        { actor: 'isaf', role: 'partner (Regional Command South)' },
        { actor: 'germany', role: 'donor' },
        { actor: 'denmark', role: 'donor' },
      ],
      values: {
        threatType: 'interstate dispute',
        outcome: 'ongoing',
        mechanisms: ['facilitated dialogue', 'capacity building'],
        leadOrganisation: 'Government of Canada (facilitator)',
        unMandate: false,
        mainLesson: 'An extraregional facilitator can open technical cooperation where political dialogue is blocked.',
      },
      footnotes: {
        durand: [{ source: 'crocker2011collective', locator: '47' }],
        mines: [{ source: 'crocker2011collective', locator: '48' }],
        potsdam: [{ source: 'crocker2011collective', locator: '48' }],
        partners: [{ source: 'crocker2011collective', locator: '48', suffix: 'and n. 24' }],
        mobilized: [{ source: 'crocker2011collective', locator: '48', quote: 'the process has engaged and mobilized a wide range of partners and stakeholders' }],
        extra: [{ source: 'crocker2011collective', locator: '52, 56' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Background' },
        {
          type: 'paragraph',
          text: 'The **Durand Line**, the de facto border between Afghanistan and Pakistan, has long blocked dialogue between the two governments on problems they share: insurgents moving across the border, poor infrastructure and customs at the main legal crossings (Torkham, Ghulam Khan, Waish-Chamam), smuggling, drug flows and irregular migration.[^durand]',
        },
        {
          type: 'paragraph',
          text: 'The process began when Pakistan’s then President **Pervez Musharraf**, under pressure to control his frontier, threatened to mine the border.[^mines] **Canada**, a champion of the anti-personnel mine ban, proposed another route: working-level meetings under Canadian auspices, held regularly since 2007 in line with the G8 *Potsdam Statement*. The name comes from the emirate where the first meeting took place.[^potsdam]',
        },
        { type: 'heading', level: 3, text: 'Five working areas' },
        {
          type: 'numbers',
          items: [
            'Customs',
            'Counter-narcotics',
            'Managing the movement of people',
            'Law enforcement in the border areas',
            'Connecting government to people through social and economic development',
          ],
        },
        { type: 'heading', level: 3, text: 'Partners' },
        {
          type: 'paragraph',
          text: 'Beyond the two governments the process drew in UNODC, UNAMA, UNHCR, the IOM, the World Bank, ISAF’s Regional Command (South), the US Border Management Task Force and donors such as Germany and Denmark.[^partners]',
        },
        { type: 'quote', text: 'the process has engaged and mobilized a wide range of partners and stakeholders[^mobilized]' },
        { type: 'heading', level: 3, text: 'Analytical points' },
        {
          type: 'bullets',
          items: [
            'An *extraregional* state acted as catalyst — a role the authors argue still matters in a divided security environment.[^extra]',
            'The format is technical rather than political: it builds cooperation without settling the border question.',
          ],
        },
      ],
    },

    {
      title: 'Liberia peace talks, 2003',
      summary:
        'ECOWAS-sponsored negotiations in Ghana, mediated by Abdulsalami Abubakar, in which global and regional partners and a determined Liberian civil society pressed the Taylor government and two rebel movements towards agreement.',
      periodStart: '2003',
      periodEnd: '2003',
      region: 'West Africa',
      status: 'complete',
      tags: ['mediation', 'civil society', 'regional organisation', 'collective conflict management'],
      actors: [
        { actor: 'ecowas', role: 'mediator' },
        { actor: 'abubakar', role: 'chief mediator' },
        { actor: 'ghana', role: 'host' },
        { actor: 'npp', role: 'party (government)' },
        { actor: 'lurd', role: 'party (rebel movement)' },
        { actor: 'model', role: 'party (rebel movement)' },
        { actor: 'icgLiberia', role: 'supporting contact group' },
        { actor: 'usa', role: 'supporting state' },
        { actor: 'eu', role: 'supporting organisation' },
        { actor: 'au', role: 'supporting organisation' },
        { actor: 'un', role: 'supporting organisation' },
        { actor: 'womenLiberia', role: 'civil-society pressure group' },
      ],
      values: {
        threatType: 'civil war',
        outcome: 'settlement reached',
        mechanisms: ['mediation support', 'contact group'],
        leadOrganisation: 'ECOWAS',
        agreementSigned: '2003',
        mainLesson: 'Civil-society pressure in and around the venue can add leverage the official mediators lack.',
      },
      footnotes: {
        talks: [{ source: 'crocker2011collective', locator: '48' }],
        ecowas: [{ source: 'crocker2011collective', locator: '48' }],
        women: [{ source: 'crocker2011collective', locator: '48-49' }, { source: 'hayner2007negotiating', prefix: 'see also' }],
        barred: [{ source: 'crocker2011collective', locator: '49', suffix: 'on the Women of Liberia Mass Action for Peace', quote: 'at one point even barred delegates from leaving the room during the course of negotiations until they had reached an agreement' }],
        peacemaking: [{ source: 'crocker2011collective', locator: '48', prefix: 'see' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'The talks' },
        {
          type: 'paragraph',
          text: 'In 2003 negotiations to end Liberia’s long civil war brought together President **Charles Taylor**’s National Patriotic Party and two rebel movements, **LURD** and **MODEL**. The talks took place in Ghana and were mediated by the former Nigerian head of state General **Abdulsalami Abubakar** on behalf of ECOWAS.[^talks]',
        },
        { type: 'heading', level: 3, text: 'Why ECOWAS led' },
        {
          type: 'bullets',
          items: [
            'It had sent peacekeepers into Liberia during the civil war of the 1990s.[^ecowas]',
            'The war threatened neighbouring members, notably Sierra Leone, Guinea and Côte d’Ivoire.',
          ],
        },
        { type: 'heading', level: 3, text: 'The wider cast' },
        {
          type: 'paragraph',
          text: 'The United States, the EU, the *International Contact Group on Liberia*, the African Union and the UN all took part. Liberian civil-society groups — interreligious, human-rights, women’s-rights and legal — attended too and kept up pressure on the delegations both in Ghana and at home; some crossed an unstable Côte d’Ivoire to get there. The most forceful was a delegation of 150 to 200 women.[^women]',
        },
        {
          type: 'quote',
          text: 'at one point even barred delegates from leaving the room during the course of negotiations until they had reached an agreement[^barred]',
        },
        { type: 'heading', level: 3, text: 'Why it matters' },
        {
          type: 'paragraph',
          text: 'The case shows collective conflict management in *peacemaking* rather than in operations: a subregional body in the lead, global and regional organisations in support, and non-state actors adding pressure the mediators could not apply themselves.[^peacemaking] The source gives the year of the talks but not the day the agreement was signed.',
        },
      ],
    },

    {
      title: 'International Contact Group for the Mindanao peace talks, 2009',
      summary:
        'At the request of the Philippine government and the MILF, a mixed group of states and NGOs joined the Malaysian-led mediation to build trust, help monitor compliance and supply expertise.',
      periodStart: '2009-12',
      periodEnd: null,
      region: 'South-East Asia',
      status: 'in_progress',
      tags: ['contact group', 'mediation', 'NGOs', 'collective conflict management'],
      actors: [
        { actor: 'grp', role: 'party' },
        { actor: 'milf', role: 'party' },
        { actor: 'malaysia', role: 'mediator' },
        { actor: 'icgMindanao', role: 'contact group' },
        { actor: 'uk', role: 'contact group member' },
        { actor: 'japan', role: 'contact group member' },
        { actor: 'turkey', role: 'contact group member; link to the OIC' },
        { actor: 'asiaFoundation', role: 'contact group member' },
        { actor: 'hdCentre', role: 'contact group secretariat' },
        { actor: 'oic', role: 'associated organisation' },
        { actor: 'brunei', role: 'ceasefire monitor' },
        { actor: 'libya', role: 'ceasefire monitor' },
      ],
      values: {
        threatType: 'insurgency',
        outcome: 'ongoing',
        mechanisms: ['contact group', 'mediation support', 'ceasefire monitoring'],
        leadOrganisation: 'Malaysia (mediator)',
        participatingStates: 3,
        unMandate: false,
      },
      footnotes: {
        origins: [{ source: 'crocker2011collective', locator: '49' }],
        ngos: [{ source: 'crocker2011collective', locator: '49' }, { source: 'hdcentre2010mindanao' }],
        oic: [{ source: 'crocker2011collective', locator: '49' }],
        diverse: [{ source: 'crocker2011collective', locator: '49', quote: 'the fact that the parties sought assistance from this diverse set of countries and institutions shows recognition that a variety of talents and perspectives may be required' }],
        bottomup: [{ source: 'crocker2011collective', locator: '52-53' }],
        failed: [{ source: 'crocker2011collective', locator: '43' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Origins' },
        {
          type: 'paragraph',
          text: 'The International Contact Group (ICG) supports talks between the **Government of the Republic of the Philippines (GRP)** and the **Moro Islamic Liberation Front (MILF)**, which reopened in December 2009. Unlike the piracy coalition it was not set up by outsiders: the two parties themselves agreed to bring in external support.[^origins]',
        },
        { type: 'heading', level: 3, text: 'Membership' },
        {
          type: 'bullets',
          items: [
            'States: the United Kingdom, Japan and Turkey.',
            'NGOs: the Asia Foundation, long engaged on governance in Mindanao, and the Centre for Humanitarian Dialogue, which acts as secretariat and brings mediation experience from other conflicts.[^ngos]',
            'Around the group: the OIC is linked through Turkey; OIC members Malaysia (lead mediator), Brunei and Libya serve on the ceasefire monitoring team.[^oic]',
          ],
        },
        { type: 'heading', level: 3, text: 'Tasks' },
        {
          type: 'numbers',
          items: [
            'Assist the Malaysian-led mediation.',
            'Build trust between the parties.',
            'Help monitor compliance with agreements.',
            'Provide expertise and research on matters in the talks.',
          ],
        },
        {
          type: 'quote',
          text: 'the fact that the parties sought assistance from this diverse set of countries and institutions shows recognition that a variety of talents and perspectives may be required[^diverse]',
        },
        { type: 'heading', level: 3, text: 'Open questions' },
        {
          type: 'paragraph',
          text: 'The authors judged it *too early* to assess effectiveness, expecting the group at least to make the mediation more transparent; later they cite it as a group that grew from the bottom up.[^bottomup] They also list the Philippines–Mindanao among places where earlier peace agreements failed.[^failed] Worth tracking: whether a mixed state–NGO group holds together when talks stall.',
        },
      ],
    },

    {
      title: 'Minsk Group mediation on Nagorno-Karabakh',
      summary:
        'A mediation group of about a dozen states, co-chaired by France, Russia and the United States, that has repeatedly seemed close to a deal between Azerbaijan and Armenia without reaching one.',
      periodStart: null,
      periodEnd: null,
      region: 'South Caucasus',
      status: 'draft',
      tags: ['mediation', 'frozen conflict', 'collective conflict management'],
      actors: [
        { actor: 'minskGroup', role: 'mediator' },
        { actor: 'france', role: 'co-chair' },
        { actor: 'russia', role: 'co-chair' },
        { actor: 'usa', role: 'co-chair' },
        { actor: 'azerbaijan', role: 'party' },
        { actor: 'armenia', role: 'party' },
        { actor: 'eu', role: 'kept out of a full mission' },
      ],
      values: {
        threatType: 'interstate dispute',
        outcome: 'stalemate',
        mechanisms: ['multiparty mediation'],
        leadOrganisation: 'Minsk Group co-chairs (France, Russia, United States)',
      },
      footnotes: {
        derailed: [{ source: 'crocker2011collective', locator: '53' }],
        dewaal: [{ source: 'dewaal2010remaking', locator: '160', quote: 'it seems stuck in a perpetual cycle of frustration and disappointment' }, { source: 'crocker2011collective', locator: '53', prefix: 'quoted in' }],
        diaspora: [{ source: 'crocker2011collective', locator: '53' }],
        baku: [{ source: 'crocker2011collective', locator: '54' }],
        eu: [{ source: 'crocker2011collective', locator: '54' }],
        mediation: [{ source: 'crocker1999rising', prefix: 'on the pros and cons of multiparty mediation, see' }, { source: 'crocker2011collective', locator: '54', suffix: 'n. 33' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Setting' },
        {
          type: 'paragraph',
          text: 'The Minsk Group — representatives of about a dozen countries, co-chaired by **France**, **Russia** and the **United States** — was created to mediate the conflict between Azerbaijan and Armenia over Nagorno-Karabakh. Crocker, Hampson and Aall use it to show how a collective venture can be *derailed* when partners are reluctant to see the status quo change.[^derailed]',
        },
        { type: 'quote', text: 'it seems stuck in a perpetual cycle of frustration and disappointment[^dewaal]' },
        { type: 'heading', level: 3, text: 'Why it stalls' },
        {
          type: 'bullets',
          items: [
            'Influential Armenian diaspora communities in all three co-chair states favour Armenian control of the region and good relations with Yerevan.[^diaspora]',
            'Some observers see Russia using the dispute as leverage on Baku, which has tried to reduce Russian influence over its energy sector and export markets.[^baku]',
            'The EU, a potentially useful actor, has been kept at a distance by France and Russia; Russia objected to a full-scale EU mission.[^eu]',
          ],
        },
        { type: 'heading', level: 3, text: 'Coding notes' },
        {
          type: 'paragraph',
          text: 'Outcome coded as **stalemate**. Start and end dates are left open because the corpus gives none; add them from a dedicated source before using this case in a comparison.[^mediation] Read together with the Moldova case.',
        },
      ],
    },

    {
      title: 'Moldova and Transdniestria',
      summary:
        'A frozen separatist conflict in which collective efforts through the OSCE and the EU have made no headway against criminal networks and Russian backing for the Transdniestrian elites.',
      periodStart: null,
      periodEnd: null,
      region: 'Eastern Europe',
      status: 'draft',
      tags: ['frozen conflict', 'organised crime', 'collective conflict management'],
      actors: [
        { actor: 'moldova', role: 'party' },
        { actor: 'transdniestria', role: 'party (separatist region)' },
        { actor: 'russia', role: 'patron of the separatist region' },
        { actor: 'osce', role: 'conflict manager' },
        { actor: 'eu', role: 'conflict manager' },
      ],
      values: {
        threatType: 'secessionist conflict',
        outcome: 'failure',
        leadOrganisation: 'OSCE',
      },
      footnotes: {
        reports: [{ source: 'crocker2011collective', locator: '54', suffix: 'n. 32' }, { source: 'icg2006moldova' }, { source: 'osce2010caucasus' }],
        crime: [{ source: 'crocker2011collective', locator: '54' }],
        russia: [{ source: 'crocker2011collective', locator: '54' }, { source: 'icg2006moldova', prefix: 'see' }],
        worst: [{ source: 'crocker2011collective', locator: '54', quote: 'in the worst case CCM translates into no CM at all' }],
        compare: [{ source: 'crocker2011collective', locator: '53-54', prefix: 'see' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Setting' },
        {
          type: 'paragraph',
          text: 'The unrecognised separatist region of **Transdniestria** is the second *frozen* conflict Crocker, Hampson and Aall cite where collective ventures through the **OSCE** or the **EU** have got nowhere. They draw on International Crisis Group reporting from 2006 and OSCE mission notes from 2010.[^reports]',
        },
        { type: 'heading', level: 3, text: 'Obstacles' },
        {
          type: 'bullets',
          items: [
            'Large criminal networks in the region, with ties to Ukraine and Russia.[^crime]',
            'Russian troops on the ground, Russian economic aid and Russian sanctions on Moldovan exports.[^russia]',
            'Local elites with little appetite for any peace process.',
          ],
        },
        { type: 'quote', text: 'in the worst case CCM translates into no CM at all[^worst]' },
        { type: 'heading', level: 3, text: 'Comparative note' },
        {
          type: 'paragraph',
          text: 'Together with the Minsk Group case this shows that *collective* action in name can hide the absence of any real management when a powerful neighbour gains from the deadlock.[^compare] Coded as **failure**; the period is left open because the source gives no dates.',
        },
        { type: 'heading', level: 3, text: 'Questions for further reading' },
        {
          type: 'numbers',
          items: [
            'Which OSCE and EU formats were tried, and when?',
            'Did any confidence-building measure survive?',
            'How did the criminal economy change after 2010?',
          ],
        },
      ],
    },

    {
      title: 'Proliferation Security Initiative, 2003',
      summary:
        'A US-launched voluntary network of some 95 endorsing states that cooperate to detect and intercept shipments and finance linked to weapons of mass destruction, with principles in place of a charter.',
      periodStart: '2003-03',
      periodEnd: null,
      region: 'Global',
      status: 'in_progress',
      tags: ['non-proliferation', 'maritime', 'collective conflict management', 'informal institution'],
      actors: [
        { actor: 'psi', role: 'voluntary coalition' },
        { actor: 'usa', role: 'founder' },
        { actor: 'obama', role: 'advocate of institutionalisation' },
      ],
      values: {
        threatType: 'WMD proliferation',
        outcome: 'ongoing',
        mechanisms: ['interdiction', 'capacity building'],
        leadOrganisation: 'United States',
        participatingStates: 95,
        unMandate: false,
      },
      footnotes: {
        endorsed: [{ source: 'crocker2011collective', locator: '56' }, { source: 'usstate2010psi' }],
        flexible: [{ source: 'usstate2010psi' }, { source: 'crocker2011collective', locator: '56', prefix: 'quoted in', quote: 'a flexible, voluntary initiative' }],
        nohq: [{ source: 'crocker2011collective', locator: '56' }],
        halfway: [{ source: 'crocker2011collective', locator: '55' }],
        obama: [{ source: 'obama2009prague' }, { source: 'crocker2011collective', locator: '56', suffix: 'n. 38' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'What it is' },
        {
          type: 'paragraph',
          text: 'Founded in **March 2003**, the PSI seeks to detect and intercept materials and finance linked to weapons of mass destruction. States take part by endorsing a set of principles; by 2010 some 95 had done so.[^endorsed]',
        },
        { type: 'quote', text: 'a flexible, voluntary initiative[^flexible]' },
        { type: 'heading', level: 3, text: 'Institutional profile' },
        {
          type: 'bullets',
          items: [
            'Principles instead of a formal charter.',
            'Operational and training activities rather than regular meetings or summits.',
            'No headquarters, no dedicated facilities, no intergovernmental budget.[^nohq]',
            'Action rests on each state’s national legal authorities and relevant international law.',
          ],
        },
        { type: 'heading', level: 3, text: 'Why the authors call it a test case' },
        {
          type: 'paragraph',
          text: 'Crocker, Hampson and Aall ask whether collective conflict management is a *halfway house* towards more binding cooperation or a sign that formal institutions have failed.[^halfway] The PSI’s longevity is their test: President **Barack Obama** has called for it to become a durable international institution,[^obama] which would turn an improvised coalition into something more permanent.',
        },
        { type: 'heading', level: 3, text: 'Coding notes' },
        {
          type: 'paragraph',
          text: 'No UN mandate; treated as open-ended. *Participating states* records the approximate number of endorsing states given in the source.',
        },
      ],
    },

    {
      title: 'Cross-border police cooperation in south-eastern Europe',
      summary:
        'The OSCE’s Strategic Police Matters Unit works with subregional police and prosecutors’ bodies such as the SECI Centre to combat transborder crime, above all narcotics trafficking.',
      periodStart: '1995',
      periodEnd: null,
      region: 'South-eastern Europe',
      status: 'draft',
      tags: ['organised crime', 'law enforcement', 'regional organisation', 'collective conflict management'],
      actors: [
        { actor: 'osce', role: 'regional organisation' },
        { actor: 'spmu', role: 'lead unit' },
        { actor: 'seciCentre', role: 'subregional partner' },
      ],
      values: {
        threatType: 'organised crime',
        mechanisms: ['law-enforcement cooperation', 'capacity building'],
        leadOrganisation: 'OSCE Strategic Police Matters Unit',
      },
      footnotes: {
        spmu: [{ source: 'crocker2011collective', locator: '50' }],
        seci: [{ source: 'crocker2011collective', locator: '50' }],
        convention: [{ source: 'crocker2011collective', locator: '51' }],
        model: [{ source: 'crocker2011collective', locator: '50-51' }, { source: 'osce2010magazine', prefix: 'see also' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Arrangement' },
        {
          type: 'paragraph',
          text: 'The OSCE’s **Strategic Police Matters Unit (SPMU)** promotes adherence to the UN Convention against Transnational Organized Crime by partnering with subregional police and prosecutors’ organisations.[^spmu] The oldest of these, the **SECI Regional Centre for Combating Transborder Crime**, has existed since 1995, which is why the period starts then.[^seci]',
        },
        { type: 'heading', level: 3, text: 'Instruments' },
        {
          type: 'bullets',
          items: [
            'The *Police Cooperation Convention for South-East Europe*, which supports cross-border coordination of seizures and arrests of narcotics traffickers.[^convention]',
            'Standing partnerships between a regional security organisation and specialised subregional law-enforcement bodies.',
          ],
        },
        { type: 'heading', level: 3, text: 'Relevance' },
        {
          type: 'paragraph',
          text: 'Crocker, Hampson and Aall treat this as a genuine security contribution, given the links between criminal networks and both conflict prevention and conflict management. The model could extend to human trafficking, other criminal business and terrorism, and they suggest it could travel to regions such as Central Asia.[^model]',
        },
        { type: 'heading', level: 3, text: 'To do' },
        {
          type: 'numbers',
          items: [
            'Find figures on seizures or arrests — the corpus gives none, so *Outcome* stays empty.',
            'Check whether the SECI Centre has changed its name or mandate since 2010.',
            'Decide whether this belongs with the CCM cases or in a separate law-enforcement set.',
          ],
        },
      ],
    },

    {
      title: 'Operation Artemis, DR Congo, 2003',
      summary:
        'A three-month, French-led EU military operation, authorised by the Security Council, that stabilised the town of Bunia in support of the UN mission MONUC.',
      periodStart: '2003',
      periodEnd: '2003',
      region: 'Great Lakes',
      status: 'complete',
      tags: ['UN–EU', 'bridging operation', 'peacekeeping', 'inter-organisational cooperation'],
      actors: [
        { actor: 'eu', role: 'deploying organisation' },
        { actor: 'artemis', role: 'military operation' },
        { actor: 'france', role: 'lead nation' },
        { actor: 'monuc', role: 'supported UN mission' },
        { actor: 'unsc', role: 'mandating body' },
        { actor: 'solana', role: 'EU High Representative; liaison with MONUC' },
        { actor: 'dpko', role: 'assessed the operation' },
      ],
      values: {
        threatType: 'humanitarian crisis',
        outcome: 'partial success',
        mechanisms: ['bridging operation'],
        leadOrganisation: 'European Union (France as lead nation)',
        troopsDeployed: 1800,
        unMandate: true,
        keyDocument: 'https://undocs.org/S/RES/1484(2003)',
        mainLesson: 'Short mandates force hurried withdrawals; plan how experience passes to the follow-on mission.',
      },
      footnotes: {
        force: [{ source: 'haugevik2007new', locator: '17', suffix: 'n. 66' }],
        mandate: [{ source: 'unsc2003res1484' }, { source: 'haugevik2007new', locator: '17-18' }],
        solana: [{ source: 'councileu2003artemis' }, { source: 'haugevik2007new', locator: '18' }],
        dpko: [{ source: 'undpko2003artemis', locator: '14' }, { source: 'haugevik2007new', locator: '18', prefix: 'cited in' }],
        declined: [{ source: 'undpko2003artemis' }, { source: 'haugevik2007new', locator: '18' }],
        withdrawal: [{ source: 'undpko2003artemis', locator: '15', quote: 'accelerate its withdrawal' }, { source: 'haugevik2007new', locator: '18', prefix: 'quoted in' }],
        refusal: [{ source: 'keohane2003european', locator: '74' }, { source: 'haugevik2007new', locator: '11', suffix: 'n. 30' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Operation' },
        {
          type: 'paragraph',
          text: 'About half a year after the EU Police Mission began in Bosnia, the EU launched *Operation Artemis* in support of **MONUC** in the Democratic Republic of Congo. The force numbered some **1,800 troops**, most of them French, and stayed for three months.[^force]',
        },
        { type: 'heading', level: 3, text: 'Mandate' },
        {
          type: 'paragraph',
          text: 'Unlike the Bosnian police mission, Artemis had a clear UN mandate (resolution 1484): to help stabilise security and improve the humanitarian situation in **Bunia**, and to help protect civilians, UN staff and humanitarian workers in the town.[^mandate] France was lead nation; the EU High Representative, Javier Solana, and the French force commander kept in contact with MONUC.[^solana]',
        },
        { type: 'heading', level: 3, text: 'Lessons (UN DPKO assessment, 2003)' },
        {
          type: 'bullets',
          items: [
            'Field cooperation was judged generally satisfactory once EU troops had deployed.[^dpko]',
            'EU personnel all declined UN invitations to stay on under MONUC, and the EU refused follow-up visits, so the UN drew less on the EU’s experience.[^declined]',
            'The three-month mandate pushed the EU to hasten its withdrawal for fear of troops being left without legal cover.[^withdrawal]',
          ],
        },
        { type: 'heading', level: 3, text: 'Coding' },
        {
          type: 'paragraph',
          text: 'Mechanism coded as a **bridging operation**: a time-limited regional deployment that holds the line for a UN mission. Haugevik also notes that, according to one analyst, NATO had no *right of first refusal* here, unlike the usual reading of Berlin Plus.[^refusal]',
        },
      ],
    },

    {
      title: 'EUFOR RD Congo, 2006',
      summary:
        'A short EU operation that helped MONUC uphold peace and security during the 2006 elections in the DR Congo — the second rapid EU deployment in the country at the UN’s request.',
      periodStart: '2006',
      periodEnd: '2006',
      region: 'Great Lakes',
      status: 'draft',
      tags: ['UN–EU', 'bridging operation', 'elections', 'inter-organisational cooperation'],
      actors: [
        { actor: 'eu', role: 'deploying organisation' },
        { actor: 'euforRdc', role: 'military operation' },
        { actor: 'monuc', role: 'supported UN mission' },
      ],
      values: {
        threatType: 'post-conflict instability',
        mechanisms: ['bridging operation', 'election support'],
        leadOrganisation: 'European Union',
      },
      footnotes: {
        elections: [{ source: 'haugevik2007new', locator: '18' }],
        twice: [{ source: 'haugevik2007new', locator: '12' }],
        phase: [{ source: 'haugevik2007new', locator: '5', prefix: 'see' }, { source: 'haugevik2007new', locator: '26', suffix: 'fig. 2' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'What the corpus says' },
        {
          type: 'paragraph',
          text: 'In 2006 the EU again backed MONUC with a short-term operation, this time to help keep peace and security during the country’s elections.[^elections] Haugevik counts it as the second of two occasions on which the EU gave MONUC rapid military assistance at the UN’s request, after *Operation Artemis* in 2003.[^twice]',
        },
        { type: 'heading', level: 3, text: 'Why it is interesting' },
        {
          type: 'bullets',
          items: [
            'It turns a one-off experiment into a *repeat pattern* of EU bridging support to UN missions.',
            'It falls in the period when the UN–EU partnership had, in Haugevik’s terms, reached the **maintenance** phase: formal declarations, regular coordination and shared field experience.[^phase]',
          ],
        },
        { type: 'heading', level: 3, text: 'Gaps to fill' },
        {
          type: 'numbers',
          items: [
            'Troop numbers — not given in the corpus.',
            'The mandating resolution — not cited in the corpus, so *UN mandate* and *Key document* stay empty for now.',
            'Whether the lessons of Artemis (mandate length, passing on experience) were applied.',
          ],
        },
        {
          type: 'paragraph',
          text: 'Status stays at draft until a dedicated source on the operation is added to the knowledge base.',
        },
      ],
    },

    {
      title: 'EU Police Mission takes over from the UN in Bosnia and Herzegovina, 2003',
      summary:
        'The EU’s first ESDP mission replaced the UN International Police Task Force in a carefully staged hand-over that nonetheless blurred mandates and lacked a formal UN mandate.',
      periodStart: '2003',
      periodEnd: null,
      region: 'Western Balkans',
      status: 'complete',
      tags: ['UN–EU', 'police mission', 'transition', 'inter-organisational cooperation'],
      actors: [
        { actor: 'eupm', role: 'incoming mission' },
        { actor: 'iptf', role: 'outgoing mission' },
        { actor: 'eu', role: 'deploying organisation' },
        { actor: 'un', role: 'handing-over organisation' },
        { actor: 'unsc', role: 'welcomed the mission' },
      ],
      values: {
        threatType: 'post-conflict instability',
        outcome: 'partial success',
        mechanisms: ['sequential deployment'],
        leadOrganisation: 'European Union',
        unMandate: false,
        keyDocument: 'https://undocs.org/S/RES/1396(2002)',
        mainLesson: 'Double-hatted leadership eases continuity but can blur whose mandate applies.',
      },
      footnotes: {
        handover: [{ source: 'haugevik2007new', locator: '17' }],
        milestone: [{ source: 'osland2004eu', locator: '544' }, { source: 'haugevik2007new', locator: '17', prefix: 'quoted in' }],
        colocation: [{ source: 'haugevik2007new', locator: '17' }],
        continuity: [{ source: 'tardy2005euun', locator: '55' }, { source: 'haugevik2007new', locator: '17' }],
        doublehat: [{ source: 'osland2004eu' }, { source: 'haugevik2007new', locator: '17' }],
        r1396: [{ source: 'unsc2002res1396' }, { source: 'tardy2005euun', locator: '49' }, { source: 'haugevik2007new', locator: '17' }],
        excellent: [{ source: 'unsg2002bosnia', locator: '8' }, { source: 'haugevik2007new', locator: '17', prefix: 'quoted in', quote: 'an excellent example of cooperation and smooth transition between the UN and a regional organization' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Hand-over' },
        {
          type: 'paragraph',
          text: 'The first UN–EU test on the ground came in 2003, when the **EU Police Mission (EUPM)** replaced the UN’s **International Police Task Force (IPTF)**.[^handover] As the first mission under the European Security and Defence Policy, it was treated as a milestone for EU civilian crisis management.[^milestone]',
        },
        { type: 'heading', level: 3, text: 'Steps towards a seamless transition' },
        {
          type: 'bullets',
          items: [
            'Information-sharing between the two organisations while the EUPM was being planned.',
            'Co-location of the EU and UN teams in Sarajevo.[^colocation]',
            'Continuity of leadership: the head of the IPTF became the EU’s police commissioner.[^continuity]',
          ],
        },
        { type: 'heading', level: 3, text: 'Lessons' },
        {
          type: 'numbers',
          items: [
            'The *double-hatting* of the IPTF head confused the EUPM’s mandate relative to the IPTF.[^doublehat]',
            'Third parties struggled to tell the UN and EU missions apart — awkward for an EU keen to show itself as an independent security actor.',
            'There was no formal UN mandate, although Security Council resolution 1396 welcomed the mission; this raised questions about its legitimacy and international backing.[^r1396]',
          ],
        },
        {
          type: 'paragraph',
          text: 'A UN report of 2002 still called the hand-over an excellent example of cooperation between the UN and a regional organisation.[^excellent] Coded as **partial success** and **sequential deployment**; the source gives no end date.',
        },
      ],
    },

    {
      title: 'Operation Concordia, Macedonia, 2003',
      summary:
        'The first joint NATO–EU field mission: an EU operation using NATO assets under Berlin Plus, taking over from NATO’s Allied Harmony to help stabilise Macedonia and oversee its peace agreement.',
      periodStart: '2003',
      periodEnd: '2003',
      region: 'Western Balkans',
      status: 'complete',
      tags: ['NATO–EU', 'Berlin Plus', 'transition', 'inter-organisational cooperation'],
      actors: [
        { actor: 'eu', role: 'lead organisation' },
        { actor: 'nato', role: 'provider of assets and capabilities' },
        { actor: 'concordia', role: 'military operation' },
        { actor: 'alliedHarmony', role: 'preceding NATO operation' },
      ],
      values: {
        threatType: 'post-conflict instability',
        outcome: 'partial success',
        mechanisms: ['Berlin Plus arrangement', 'sequential deployment'],
        leadOrganisation: 'European Union',
        mainLesson: 'Headquarters coordination can succeed while transition mandates still overlap in the field.',
      },
      footnotes: {
        concordia: [{ source: 'councileu2003concordia' }, { source: 'haugevik2007new', locator: '19' }],
        berlinplus: [{ source: 'haugevik2007new', locator: '5-6' }],
        success: [{ source: 'shimkus2007nato' }, { source: 'haugevik2007new', locator: '19', prefix: 'cited in' }],
        overlap: [{ source: 'haugevik2007new', locator: '19' }],
        motives: [{ source: 'haugevik2007new', locator: '8-16', prefix: 'see' }, { source: 'nupi2007newpartners', prefix: 'summarised on' }],
        modelled: [{ source: 'haugevik2007new', locator: '15' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Operation' },
        {
          type: 'paragraph',
          text: '*Operation Concordia* was the first mission on the ground in which NATO and the EU worked together, launched shortly after the Berlin Plus arrangements were agreed. It followed NATO’s *Operation Allied Harmony* and aimed to help stabilise the country and oversee the peace agreement between the Macedonian government and Albanian representatives.[^concordia]',
        },
        { type: 'heading', level: 3, text: 'Berlin Plus in practice' },
        {
          type: 'paragraph',
          text: 'Berlin Plus lets the EU draw on NATO assets and capabilities for operations in which NATO as a whole does not wish to engage. It comprises some fifteen sub-agreements and sits alongside formal meetings between the North Atlantic Council and the EU’s Political and Security Committee.[^berlinplus]',
        },
        { type: 'heading', level: 3, text: 'Assessment' },
        {
          type: 'bullets',
          items: [
            'Called a Berlin Plus **success story** for political coordination at headquarters level.[^success]',
            'During the NATO-to-EU transition, mandates were at times unclear and overlapping.[^overlap]',
            'Institutional disagreements between the two organisations delayed work on the operational side.',
          ],
        },
        { type: 'heading', level: 3, text: 'Motives (Haugevik)' },
        {
          type: 'paragraph',
          text: 'Haugevik reads the NATO–EU relationship through *organisational survival*, *neutralising competition*, *resource dependence* and *organisational learning*;[^motives] the EU’s military operations are largely modelled on NATO’s experience and procedures.[^modelled] See the Althea case for the dating of Berlin Plus.',
        },
      ],
    },

    {
      title: 'EUFOR Althea, Bosnia and Herzegovina, 2004',
      summary:
        'An EU-led operation under Berlin Plus that succeeded NATO’s IFOR and SFOR in Bosnia and Herzegovina from 2004 to help maintain a safe and secure environment.',
      periodStart: '2004',
      periodEnd: null,
      region: 'Western Balkans',
      status: 'in_progress',
      tags: ['NATO–EU', 'Berlin Plus', 'peacekeeping', 'inter-organisational cooperation'],
      actors: [
        { actor: 'eu', role: 'lead organisation' },
        { actor: 'althea', role: 'military operation' },
        { actor: 'nato', role: 'provider of assets and capabilities' },
        { actor: 'sfor', role: 'preceding NATO force' },
      ],
      values: {
        threatType: 'post-conflict instability',
        outcome: 'ongoing',
        mechanisms: ['Berlin Plus arrangement', 'sequential deployment'],
        leadOrganisation: 'European Union',
        agreementSigned: '2002',
      },
      footnotes: {
        althea: [{ source: 'haugevik2007new', locator: '19' }],
        dialogue: [{ source: 'haugevik2007new', locator: '19', suffix: 'citing Yost 2007' }],
        limits: [{ source: 'haugevik2007new', locator: '19' }],
        signed: [{ source: 'haugevik2007new', locator: '5', suffix: 'section 2.1' }],
        agreed: [{ source: 'haugevik2007new', locator: '10, 19', suffix: 'sections 3.2 and 4.2' }],
        firstrefusal: [{ source: 'haine2007berlin', locator: '1' }, { source: 'haugevik2007new', locator: '11' }],
        reverse: [{ source: 'haugevik2007new', locator: '11' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Operation' },
        {
          type: 'paragraph',
          text: 'Slightly more than a year after Concordia, the EU launched **Operation Althea** in Bosnia and Herzegovina, again within Berlin Plus. Its task was to contribute to a safe and secure environment and to carry on the work of NATO’s IFOR and SFOR. It was still running when the NUPI report appeared.[^althea]',
        },
        { type: 'heading', level: 3, text: 'Friction' },
        {
          type: 'bullets',
          items: [
            'NATO–EU meetings on Althea reportedly consisted of formal policy statements with no genuine follow-up discussion.[^dialogue]',
            'Some analysts argue that Berlin Plus *limits* cooperation more than it enables it, because disputes over sharing information with non-EU NATO members and non-NATO EU members crowd out political dialogue.[^limits]',
            'As with Concordia, mandates overlapped during the transition.',
          ],
        },
        { type: 'heading', level: 3, text: 'Dating Berlin Plus' },
        {
          type: 'paragraph',
          text: 'The report dates Berlin Plus in two ways: signed in **2002**[^signed] and established or agreed in **2003**.[^agreed] *Agreement signed* is set to 2002 here; check the EU–NATO texts before citing either year.',
        },
        { type: 'heading', level: 3, text: 'Competition angle' },
        {
          type: 'paragraph',
          text: 'Berlin Plus can be read as NATO keeping a hand on the EU’s military role, with an implied right of first refusal.[^firstrefusal] It also made the EU a more complete security actor, since no reverse arrangement yet gives NATO access to EU civilian capabilities.[^reverse]',
        },
      ],
    },

    {
      title: 'UN–NATO cooperation in Bosnia and Herzegovina, 1992–2004',
      summary:
        'From air cover for UNPROFOR to implementing the Dayton agreement through IFOR and SFOR, NATO’s first operations under Security Council authority ran alongside UN forces and agencies.',
      periodStart: '1992',
      periodEnd: '2004',
      region: 'Western Balkans',
      status: 'complete',
      tags: ['UN–NATO', 'peacekeeping', 'civil–military coordination', 'inter-organisational cooperation'],
      actors: [
        { actor: 'nato', role: 'military implementer' },
        { actor: 'un', role: 'civilian and peacekeeping partner' },
        { actor: 'unsc', role: 'mandating body' },
        { actor: 'unprofor', role: 'UN force' },
        { actor: 'ifor', role: 'NATO implementation force' },
        { actor: 'sfor', role: 'NATO stabilisation force' },
        { actor: 'unSecGen', role: 'assessed cooperation (1996)' },
      ],
      values: {
        threatType: 'civil war',
        outcome: 'partial success',
        mechanisms: ['sequential deployment', 'parallel deployment'],
        leadOrganisation: 'NATO (military), UN (civilian)',
        agreementSigned: '1995',
        unMandate: true,
        keyDocument: 'https://undocs.org/S/RES/1031(1995)',
        mainLesson: 'Two parallel chains of command make a shared end goal hard to agree.',
      },
      footnotes: {
        early: [{ source: 'haugevik2007new', locator: '20' }],
        r1031: [{ source: 'unsc1995res1031' }, { source: 'haugevik2007new', locator: '20' }],
        sfor: [{ source: 'haugevik2007new', locator: '20' }],
        sg1996: [{ source: 'boutrosghali1996letter' }, { source: 'haugevik2007new', locator: '21', prefix: 'cited in' }],
        linkage: [{ source: 'eekelen1998beyond' }, { source: 'haugevik2007new', locator: '21' }],
        chains: [{ source: 'greco1997final' }, { source: 'haugevik2007new', locator: '21' }],
        declaration: [{ source: 'haugevik2007new', locator: '6' }],
        failures: [{ source: 'crocker2011collective', locator: '44' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Phases' },
        {
          type: 'numbers',
          items: [
            '**Early 1990s**: NATO watched the UN-authorised no-fly zone, gave air support to UNPROFOR and struck to protect UN safe areas.[^early]',
            '**1995**: after NATO’s bombing campaign, the Security Council (resolution 1031) mandated the alliance to implement the military side of the Dayton Peace Agreement. IFOR replaced UNPROFOR — NATO’s first operation under Council authority and alongside UN forces on the ground.[^r1031]',
            '**SFOR**: when IFOR’s mandate expired, the Council authorised a NATO stabilisation force to deter hostilities and stabilise the peace.[^sfor]',
          ],
        },
        { type: 'heading', level: 3, text: 'Assessment' },
        {
          type: 'paragraph',
          text: 'A 1996 report of the UN Secretary-General found UN–IFOR cooperation extensive and constructive at all levels,[^sg1996] and IFOR and SFOR are credited with learning from UNPROFOR by tying mission, mandate and capabilities closely together.[^linkage] Two problems remained:',
        },
        {
          type: 'bullets',
          items: [
            'Coordinating NATO’s military activity with the UN’s civilian tasks.',
            'Two parallel chains of command, which made a shared end goal hard to agree.[^chains]',
          ],
        },
        { type: 'heading', level: 3, text: 'Context' },
        {
          type: 'paragraph',
          text: 'Despite this field record, UN–NATO relations stayed informal: a joint declaration drafted in September 2005 reportedly stalled in the UN system.[^declaration] Crocker, Hampson and Aall list Bosnia among the UN’s *failures* of the 1990s[^failures] — a useful counterpoint when coding the outcome.',
        },
      ],
    },

    {
      title: 'KFOR and UNMIK in Kosovo, 1999',
      summary:
        'After NATO’s 1999 air campaign, a UN-mandated NATO force provided security for the UN’s civilian administration in Kosovo, with separate chains of command that strained coordination.',
      periodStart: '1999',
      periodEnd: null,
      region: 'Western Balkans',
      status: 'in_progress',
      tags: ['UN–NATO', 'peacekeeping', 'civil–military coordination', 'inter-organisational cooperation'],
      actors: [
        { actor: 'kfor', role: 'security presence' },
        { actor: 'unmik', role: 'civilian administration' },
        { actor: 'nato', role: 'lead of KFOR' },
        { actor: 'unsc', role: 'mandating body' },
        { actor: 'eu', role: 'preparing a follow-on operation' },
      ],
      values: {
        threatType: 'post-conflict instability',
        outcome: 'ongoing',
        mechanisms: ['parallel deployment'],
        leadOrganisation: 'UN (civilian), NATO (security)',
        unMandate: true,
        keyDocument: 'https://undocs.org/S/RES/1244(1999)',
        mainLesson: 'Separate reporting lines (Brussels vs. the UN Special Representative) hamper information-sharing.',
      },
      footnotes: {
        r1244: [{ source: 'unsc1999res1244' }, { source: 'haugevik2007new', locator: '21' }],
        steiner: [{ source: 'steiner2003kfor' }, { source: 'haugevik2007new', locator: '21', prefix: 'quoted in' }],
        separate: [{ source: 'casin2003kosovo' }, { source: 'haugevik2007new', locator: '21' }],
        reporting: [{ source: 'haugevik2007new', locator: '21' }],
        assessments: [{ source: 'chaveau1999securing', prefix: 'compare' }, { source: 'haugevik2007new', locator: '21' }],
        test: [{ source: 'haugevik2007new', locator: '6' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Set-up' },
        {
          type: 'paragraph',
          text: 'After the disputed NATO air campaign of 1999, carried out without Security Council authorisation, resolution 1244 mandated NATO’s **Kosovo Force (KFOR)** to deter renewed hostilities, uphold and if necessary enforce a ceasefire, and prevent the return of Federal and Republic military, police and paramilitary forces. KFOR’s central purpose was to assist the **UN Mission in Kosovo (UNMIK)**.[^r1244]',
        },
        { type: 'heading', level: 3, text: 'Mutual dependence' },
        {
          type: 'paragraph',
          text: 'In 2003 the head of UNMIK described the two missions as unable to do without each other — a neat summary of the civil–military division of labour.[^steiner]',
        },
        { type: 'heading', level: 3, text: 'Problems reported' },
        {
          type: 'bullets',
          items: [
            'Separate decision-making structures made communication needlessly complex.[^separate]',
            'KFOR reported to NATO headquarters in Brussels, while UNMIK Police and the Kosovo Police Service reported to the UN Special Representative, so information did not always flow.[^reporting]',
            'Assessments diverge: a 1999 report for the NATO Parliamentary Assembly found cooperation working well; later reports stress coordination gaps.[^assessments]',
          ],
        },
        { type: 'heading', level: 3, text: 'Looking ahead' },
        {
          type: 'paragraph',
          text: 'Writing in 2007, Haugevik expected Kosovo to become the first *real test* of NATO–EU operational cooperation, with an EU operation in preparation.[^test] Track this as a possible three-way case (UN, NATO, EU).',
        },
      ],
    },

    {
      title: 'NATO-led ISAF and the UN in Afghanistan, 2003',
      summary:
        'NATO took command of the UN-mandated ISAF in 2003 and works alongside UNAMA and UNDP; the missions depend on each other but struggle with information-sharing and differing identities.',
      periodStart: '2003',
      periodEnd: null,
      region: 'South Asia',
      status: 'in_progress',
      tags: ['UN–NATO', 'civil–military coordination', 'state-building', 'inter-organisational cooperation'],
      actors: [
        { actor: 'isaf', role: 'security force' },
        { actor: 'nato', role: 'lead of ISAF' },
        { actor: 'unama', role: 'UN political mission' },
        { actor: 'undp', role: 'development partner' },
        { actor: 'unsc', role: 'mandating body' },
        { actor: 'afghanistan', role: 'host government' },
      ],
      values: {
        threatType: 'insurgency',
        outcome: 'ongoing',
        mechanisms: ['parallel deployment'],
        leadOrganisation: 'NATO',
        unMandate: true,
      },
      footnotes: {
        isaf: [{ source: 'haugevik2007new', locator: '22' }],
        sgreport: [{ source: 'unsg2007afghanistan' }, { source: 'haugevik2007new', locator: '22', prefix: 'quoted in' }],
        identities: [{ source: 'haugevik2007new', locator: '22' }],
        coordination: [{ source: 'nato2007rome' }, { source: 'haugevik2007new', locator: '22' }],
        both: [{ source: 'haugevik2007new', locator: '22' }],
        dilemma: [{ source: 'crocker2011collective', locator: '45' }, { source: 'betts2009three', prefix: 'on NATO’s strategic concept reviews, see also' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Arrangement' },
        {
          type: 'paragraph',
          text: 'In 2003 NATO took over the **International Security Assistance Force (ISAF)**, which operates under a UN mandate. Its tasks include providing security, extending the authority of the Kabul government and facilitating development and reconstruction, in close collaboration with **UNAMA** and **UNDP**.[^isaf]',
        },
        { type: 'heading', level: 3, text: 'Progress' },
        {
          type: 'paragraph',
          text: 'A UN Secretary-General report cited by Haugevik noted more high-level dialogue between UNAMA and ISAF’s senior leadership, laying groundwork for an integrated political–military approach.[^sgreport]',
        },
        { type: 'heading', level: 3, text: 'Challenges' },
        {
          type: 'bullets',
          items: [
            'Different military and civilian identities, sharpened by debate over NATO air strikes under a UN mandate.[^identities]',
            'Recurring gaps in information-sharing; NATO’s Secretary-General called for greater coordination among international actors.[^coordination]',
            'Calls for a stronger UN role as NATO struggled to secure the country.',
          ],
        },
        { type: 'heading', level: 3, text: 'Interdependence' },
        {
          type: 'paragraph',
          text: 'NATO lacks the tools for state- and nation-building; the UN has relied on NATO’s military resources for security. Haugevik concludes that both are needed.[^both] Crocker, Hampson and Aall add that NATO’s 2009–2010 strategic concept review probably left its *Afghanistan dilemma* unresolved.[^dilemma] ISAF’s Regional Command (South) also appears as a partner in the **Dubai Process** case.',
        },
      ],
    },

    {
      title: 'AU mission in Burundi and the UN takeover, 2003–2004',
      summary:
        'The AU’s first peace operation, AMIB, oversaw Burundi’s ceasefire agreements with EU funding and prepared the ground for the UN mission ONUB, which took over in June 2004.',
      periodStart: '2003',
      periodEnd: '2004-06',
      region: 'Great Lakes',
      status: 'complete',
      tags: ['UN–AU', 'EU–AU', 'peacekeeping', 'inter-organisational cooperation'],
      actors: [
        { actor: 'au', role: 'deploying organisation' },
        { actor: 'amib', role: 'AU peace operation' },
        { actor: 'un', role: 'took over the mission' },
        { actor: 'onub', role: 'successor UN mission' },
        { actor: 'eu', role: 'funder' },
      ],
      values: {
        threatType: 'civil war',
        outcome: 'partial success',
        mechanisms: ['sequential deployment', 'financial support'],
        leadOrganisation: 'African Union, then United Nations',
        mainLesson: 'Work with a regional organisation through its institutions, not around them via its troop contributors.',
      },
      footnotes: {
        eufunding: [{ source: 'haugevik2007new', locator: '24' }],
        onub: [{ source: 'haugevik2007new', locator: '23' }],
        task: [{ source: 'agoagye2004african', locator: '10' }, { source: 'haugevik2007new', locator: '23', prefix: 'quoted in', quote: 'over[seeing] the implementation of the ceasefire agreements' }],
        limited: [{ source: 'agoagye2004african' }, { source: 'haugevik2007new', locator: '23' }],
        credibility: [{ source: 'haugevik2007new', locator: '23' }],
        dating: [{ source: 'haugevik2007new', locator: '7, 24', prefix: 'compare' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Sequence' },
        {
          type: 'numbers',
          items: [
            '**2003**: the EU began funding and supporting AMIB — the start of EU–AU field cooperation.[^eufunding]',
            'For a little over a year AMIB oversaw the ceasefire agreements and worked to create conditions for a UN operation.',
            '**June 2004**: the UN took over, and AMIB was succeeded by ONUB.[^onub]',
          ],
        },
        { type: 'quote', text: 'over[seeing] the implementation of the ceasefire agreements[^task]' },
        { type: 'heading', level: 3, text: 'Assessment' },
        {
          type: 'paragraph',
          text: 'The AU was praised for acting despite scarce resources and little experience. A lessons-learned report nonetheless judged AMIB’s contribution to political and economic stability relatively limited:[^limited]',
        },
        {
          type: 'bullets',
          items: [
            'Financial and logistical support from African states, the UN and other donors was deemed unsatisfactory.',
            'The UN consulted African troop contributors directly rather than the AU as an institution, which some saw as undermining the AU’s credibility.[^credibility]',
          ],
        },
        { type: 'heading', level: 3, text: 'Coding' },
        {
          type: 'paragraph',
          text: 'A clear case of **sequential deployment**: a regional mission first, a UN mission second. Compare Darfur, where the same sequence led to a *hybrid* mission instead. Note that the report dates the first EU funding to 2003 in one place and 2004 in another.[^dating]',
        },
      ],
    },

    {
      title: 'UN–AU cooperation in Darfur: from AMIS to UNAMID, 2004',
      summary:
        'The AU’s mission in Sudan, backed by EU and NATO support and coordinated with the UN, gave way to the joint UN–AU hybrid mission UNAMID once Khartoum accepted UN troops in 2007.',
      periodStart: '2004',
      periodEnd: null,
      region: 'Northeast Africa',
      status: 'complete',
      tags: ['UN–AU', 'hybrid mission', 'EU–AU', 'NATO–AU', 'inter-organisational cooperation'],
      actors: [
        { actor: 'au', role: 'regional organisation' },
        { actor: 'amis', role: 'AU peace operation' },
        { actor: 'un', role: 'partner organisation' },
        { actor: 'unmis', role: 'UN mission in Sudan' },
        { actor: 'unamid', role: 'hybrid peacekeeping mission' },
        { actor: 'unsc', role: 'mandating body' },
        { actor: 'eu', role: 'financial, logistical and technical support' },
        { actor: 'nato', role: 'logistical and technical support' },
        { actor: 'sudan', role: 'host government' },
      ],
      values: {
        threatType: 'civil war',
        outcome: 'ongoing',
        mechanisms: ['hybrid mission', 'sequential deployment', 'logistical support', 'financial support'],
        leadOrganisation: 'African Union and United Nations',
        unMandate: true,
        keyDocument: 'https://undocs.org/S/RES/1769(2007)',
        mainLesson: 'A regional partner can make a UN presence acceptable to a reluctant host, at the cost of a more complex command structure.',
      },
      footnotes: {
        coordinated: [{ source: 'bah2007peacekeeping', locator: '8-9' }, { source: 'haugevik2007new', locator: '23' }],
        r1769: [{ source: 'unsc2007res1769' }, { source: 'haugevik2007new', locator: '12', suffix: 'n. 37' }],
        eusupport: [{ source: 'eu2007amisfactsheet' }, { source: 'haugevik2007new', locator: '24' }],
        natosupport: [{ source: 'haugevik2007new', locator: '25' }],
        duplication: [{ source: 'mirandacalha2006lessons' }, { source: 'haugevik2007new', locator: '20' }],
        learning: [{ source: 'icg2005darfur' }, { source: 'haugevik2007new', locator: '24', prefix: 'quoted in', quote: 'a mutually steep learning curve' }],
        risks: [{ source: 'bah2007peacekeeping', locator: '9-10' }, { source: 'haugevik2007new', locator: '23-24' }],
        legitimacy: [{ source: 'haugevik2007new', locator: '14' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'From AMIS to UNAMID' },
        {
          type: 'paragraph',
          text: 'Shortly after Burundi the UN and the AU linked their missions in Sudan, **UNMIS** and **AMIS**. Because the Sudanese government refused UN peacekeepers in Darfur, the AU coordinated regularly with the UN, both to strengthen AMIS and to prepare a possible transition.[^coordinated] In late July 2007 the Security Council unanimously adopted resolution 1769, establishing **UNAMID** to support the Darfur Peace Agreement and protect personnel and civilians.[^r1769]',
        },
        { type: 'heading', level: 3, text: 'Outside support' },
        {
          type: 'bullets',
          items: [
            '**EU**: equipment and assets, planning and technical help, military observers, training of troops and police, and strategic transport for AMIS.[^eusupport]',
            '**NATO**: logistical and technical support from July 2005, at the AU’s request.[^natosupport]',
            'The EU and NATO worked side by side but never agreed a joint chain of command or planning centre, which produced duplication and confusion.[^duplication]',
          ],
        },
        { type: 'quote', text: 'a mutually steep learning curve[^learning]' },
        { type: 'heading', level: 3, text: 'Risks flagged for the hybrid mission' },
        {
          type: 'numbers',
          items: [
            'Building one effective chain of command and control for UN and AU troops.',
            'Coordinating civilian and military work across two organisations with different cultures.[^risks]',
          ],
        },
        {
          type: 'paragraph',
          text: 'Haugevik also argues that the AU’s part in UNAMID lends the UN presence *legitimacy* with Khartoum and the Sudanese public.[^legitimacy]',
        },
      ],
    },

    {
      title: 'NATO support to AMISOM in Somalia, 2007',
      summary:
        'At the AU’s request NATO extended the logistical and technical support it had given the AU in Darfur to the AU mission in Somalia, on the principle that the AU leads and NATO assists.',
      periodStart: '2007',
      periodEnd: null,
      region: 'Horn of Africa',
      status: 'draft',
      tags: ['NATO–AU', 'peacekeeping', 'inter-organisational cooperation'],
      actors: [
        { actor: 'amisom', role: 'peacekeeping mission' },
        { actor: 'au', role: 'lead organisation' },
        { actor: 'nato', role: 'logistical and technical support' },
      ],
      values: {
        threatType: 'civil war',
        outcome: 'ongoing',
        mechanisms: ['logistical support'],
        leadOrganisation: 'African Union',
      },
      footnotes: {
        amisom: [{ source: 'haugevik2007new', locator: '25' }],
        driven: [{ source: 'mirandacalha2006lessons' }, { source: 'scheffer2005darfur' }, { source: 'haugevik2007new', locator: '25', prefix: 'quoted in', quote: 'must be driven by the requests of the AU' }],
        labour: [{ source: 'mirandacalha2006lessons' }, { source: 'haugevik2007new', locator: '25' }],
        startup: [{ source: 'haugevik2007new', locator: '7, 26' }],
        longterm: [{ source: 'nato2007african' }, { source: 'haugevik2007new', locator: '7' }],
        sea: [{ source: 'crocker2011collective', locator: '46, 52', prefix: 'see' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Background' },
        {
          type: 'paragraph',
          text: 'NATO long hesitated to engage on the African continent. Its support to the AU in Sudan from July 2005 changed that, and two years later it agreed to a further AU request for similar support to the **AU Mission in Somalia (AMISOM)**.[^amisom]',
        },
        { type: 'quote', text: 'must be driven by the requests of the AU[^driven]' },
        { type: 'heading', level: 3, text: 'Principles' },
        {
          type: 'bullets',
          items: [
            '**AU ownership**: NATO assists only when asked.',
            'Support is logistical and technical.',
            'Any larger NATO role in Africa depends on settling the division of labour with the EU.[^labour]',
          ],
        },
        { type: 'heading', level: 3, text: 'Place in the typology' },
        {
          type: 'paragraph',
          text: 'Haugevik places NATO–AU relations at the *start-up* phase, the least developed of the six pairings she examines, driven mainly by resource dependence and organisational learning.[^startup] The AU has signalled that it wants longer-term and broader cooperation.[^longterm]',
        },
        { type: 'heading', level: 3, text: 'Links' },
        {
          type: 'paragraph',
          text: 'Compare the **Horn of Africa piracy** case: by 2009 NATO was also at sea off Somalia, in a very different, coalition-based format.[^sea] Troop figures for AMISOM are not in the corpus.',
        },
      ],
    },

    {
      title: 'EU–AU security partnership and the Lisbon summit, 2007',
      summary:
        'The EU and the AU moved from ad hoc funding of AU missions towards a formal partnership, marked by the joint Africa–EU strategy adopted at the Lisbon summit in December 2007.',
      periodStart: '2003',
      periodEnd: '2007-12',
      region: 'Africa and Europe',
      status: 'draft',
      tags: ['EU–AU', 'partnership', 'regional organisation', 'inter-organisational cooperation'],
      actors: [
        { actor: 'eu', role: 'partner organisation' },
        { actor: 'au', role: 'partner organisation' },
        { actor: 'amib', role: 'supported mission' },
        { actor: 'amis', role: 'supported mission' },
      ],
      values: {
        mechanisms: ['institutional partnership', 'financial support'],
        leadOrganisation: 'European Union and African Union',
        agreementSigned: '2007-12',
      },
      footnotes: {
        burundi: [{ source: 'haugevik2007new', locator: '7, 24' }],
        eu2005: [{ source: 'councileu2005africa' }, { source: 'haugevik2007new', locator: '6', prefix: 'quoted in' }],
        lisbon: [{ source: 'aueu2007strategy' }, { source: 'haugevik2007new', locator: '6' }],
        young: [{ source: 'haugevik2007new', locator: '6', suffix: 'n. 12' }],
        template: [{ source: 'babarinde2007eu', locator: '8-9' }, { source: 'haugevik2007new', locator: '15-16', prefix: 'cited in' }],
        phase: [{ source: 'haugevik2007new', locator: '26', suffix: 'fig. 2' }],
      },
      note: [
        { type: 'heading', level: 2, text: 'Steps' },
        {
          type: 'numbers',
          items: [
            '2003–2004: EU funding for the AU mission in Burundi.[^burundi]',
            '2004–2007: EU support to the AU mission in Sudan.',
            '2005: the EU declares itself willing to work with the AU, subregional bodies and African states to predict, prevent and mediate conflict and keep the peace.[^eu2005]',
            'December 2007: an EU–AU summit in Lisbon adopts a joint Africa–EU strategy in which security is a major part.[^lisbon]',
          ],
        },
        { type: 'heading', level: 3, text: 'Two young security actors' },
        {
          type: 'paragraph',
          text: 'Both partners were new to security work: the EU’s ESDP was activated in 2001 and ran its first operation in 2003; the AU was founded in 2002 and has had a peace and security role since 2004.[^young]',
        },
        { type: 'heading', level: 3, text: 'Organisational learning' },
        {
          type: 'paragraph',
          text: 'The AU’s founders reportedly relied on the EU *template*: several AU bodies share EU names — Commission, Parliament, Court of Justice — and the AU, like the EU, uses regional integration to promote peace and growth.[^template] Haugevik treats this imitation as a platform for later cooperation.',
        },
        { type: 'heading', level: 3, text: 'Coding' },
        {
          type: 'paragraph',
          text: 'No single operation, so this is recorded as a **partnership** case. Phase according to Haugevik: start-up.[^phase] *Outcome* is left empty because the strategy had only just been adopted.',
        },
      ],
    },
  ],
};
