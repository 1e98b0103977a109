/** Local authority areas of England and Wales (and some former districts), by police force: the generated partnerships. */
const AREAS_BY_FORCE: Record<string, string[]> = {
  'Avon and Somerset Police': ['Bath and North East Somerset', 'Bristol', 'North Somerset', 'South Gloucestershire', 'Mendip', 'Sedgemoor', 'Somerset West and Taunton', 'South Somerset', 'Taunton Deane', 'West Somerset', 'Somerset'],
  'Bedfordshire Police': ['Bedford', 'Central Bedfordshire', 'Luton'],
  'Cambridgeshire Constabulary': ['Cambridge', 'East Cambridgeshire', 'Fenland', 'Huntingdonshire', 'South Cambridgeshire', 'Peterborough', 'Cambridgeshire'],
  'Cheshire Constabulary': ['Cheshire East', 'Cheshire West and Chester', 'Halton', 'Warrington', 'Chester', 'Ellesmere Port', 'Crewe and Nantwich', 'Macclesfield', 'Congleton', 'Vale Royal'],
  'Cleveland Police': ['Hartlepool', 'Middlesbrough', 'Redcar and Cleveland', 'Stockton-on-Tees'],
  'Cumbria Constabulary': ['Allerdale', 'Barrow-in-Furness', 'Carlisle', 'Copeland', 'Eden', 'South Lakeland', 'Cumberland', 'Westmorland and Furness'],
  'Derbyshire Constabulary': ['Amber Valley', 'Bolsover', 'Chesterfield', 'Derby', 'Derbyshire Dales', 'Erewash', 'High Peak', 'North East Derbyshire', 'South Derbyshire', 'Derbyshire'],
  'Devon and Cornwall Police': ['Cornwall', 'East Devon', 'Exeter', 'Isles of Scilly', 'Mid Devon', 'North Devon', 'Plymouth', 'South Hams', 'Teignbridge', 'Torbay', 'Torridge', 'West Devon', 'Devon', 'Caradon', 'Carrick', 'Kerrier', 'North Cornwall', 'Penwith', 'Restormel'],
  'Dorset Police': ['Bournemouth, Christchurch and Poole', 'Dorset', 'Christchurch', 'East Dorset', 'North Dorset', 'Purbeck', 'West Dorset', 'Weymouth and Portland', 'Poole', 'Bournemouth'],
  'Durham Constabulary': ['County Durham', 'Darlington', 'Chester-le-Street', 'Derwentside', 'Durham City', 'Easington', 'Sedgefield', 'Teesdale', 'Wear Valley'],
  'Dyfed-Powys Police': ['Carmarthenshire', 'Ceredigion', 'Pembrokeshire', 'Powys'],
  'Essex Police': ['Basildon', 'Braintree', 'Brentwood', 'Castle Point', 'Chelmsford', 'Colchester', 'Epping Forest', 'Harlow', 'Maldon', 'Rochford', 'Southend-on-Sea', 'Tendring', 'Thurrock', 'Uttlesford', 'Essex'],
  'Gloucestershire Constabulary': ['Cheltenham', 'Cotswold', 'Forest of Dean', 'Gloucester', 'Stroud', 'Tewkesbury', 'Gloucestershire'],
  'Greater Manchester Police': ['Bolton', 'Bury', 'Manchester', 'Oldham', 'Rochdale', 'Salford', 'Stockport', 'Tameside', 'Trafford', 'Wigan'],
  'Gwent Police': ['Blaenau Gwent', 'Caerphilly', 'Monmouthshire', 'Newport', 'Torfaen'],
  'Hampshire and Isle of Wight Constabulary': ['Basingstoke and Deane', 'East Hampshire', 'Eastleigh', 'Fareham', 'Gosport', 'Hart', 'Havant', 'Isle of Wight', 'New Forest', 'Portsmouth', 'Rushmoor', 'Southampton', 'Test Valley', 'Winchester', 'Hampshire'],
  'Hertfordshire Constabulary': ['Broxbourne', 'Dacorum', 'East Hertfordshire', 'Hertsmere', 'North Hertfordshire', 'St Albans', 'Stevenage', 'Three Rivers', 'Watford', 'Welwyn Hatfield', 'Hertfordshire'],
  'Humberside Police': ['East Riding of Yorkshire', 'Hull', 'North East Lincolnshire', 'North Lincolnshire'],
  'Kent Police': ['Ashford', 'Canterbury', 'Dartford', 'Dover', 'Folkestone and Hythe', 'Gravesham', 'Maidstone', 'Medway', 'Sevenoaks', 'Swale', 'Thanet', 'Tonbridge and Malling', 'Tunbridge Wells', 'Kent'],
  'Lancashire Constabulary': ['Blackburn with Darwen', 'Blackpool', 'Burnley', 'Chorley', 'Fylde', 'Hyndburn', 'Lancaster', 'Pendle', 'Preston', 'Ribble Valley', 'Rossendale', 'South Ribble', 'West Lancashire', 'Wyre', 'Lancashire'],
  'Leicestershire Police': ['Blaby', 'Charnwood', 'Harborough', 'Hinckley and Bosworth', 'Leicester', 'Melton', 'North West Leicestershire', 'Oadby and Wigston', 'Rutland', 'Leicestershire'],
  'Lincolnshire Police': ['Boston', 'East Lindsey', 'Lincoln', 'North Kesteven', 'South Holland', 'South Kesteven', 'West Lindsey', 'Lincolnshire'],
  'Merseyside Police': ['Knowsley', 'Liverpool', 'Sefton', 'St Helens', 'Wirral'],
  'Metropolitan Police': ['Barking and Dagenham', 'Barnet', 'Bexley', 'Brent', 'Bromley', 'Camden', 'Croydon', 'Ealing', 'Enfield', 'Greenwich', 'Hackney', 'Hammersmith and Fulham', 'Haringey', 'Harrow', 'Havering', 'Hillingdon', 'Hounslow', 'Islington', 'Kensington and Chelsea', 'Kingston upon Thames', 'Lambeth', 'Lewisham', 'Merton', 'Newham', 'Redbridge', 'Richmond upon Thames', 'Southwark', 'Sutton', 'Tower Hamlets', 'Waltham Forest', 'Wandsworth', 'Westminster'],
  'Norfolk Constabulary': ['Breckland', 'Broadland', 'Great Yarmouth', "King's Lynn and West Norfolk", 'North Norfolk', 'Norwich', 'South Norfolk', 'Norfolk'],
  'North Wales Police': ['Conwy', 'Denbighshire', 'Flintshire', 'Gwynedd', 'Isle of Anglesey', 'Wrexham'],
  'North Yorkshire Police': ['Craven', 'Hambleton', 'Harrogate', 'Richmondshire', 'Ryedale', 'Scarborough', 'Selby', 'York', 'North Yorkshire'],
  'Northamptonshire Police': ['North Northamptonshire', 'West Northamptonshire', 'Corby', 'Daventry', 'East Northamptonshire', 'Kettering', 'Northampton', 'South Northamptonshire', 'Wellingborough'],
  'Northumbria Police': ['Gateshead', 'Newcastle upon Tyne', 'North Tyneside', 'Northumberland', 'South Tyneside', 'Sunderland', 'Alnwick', 'Berwick-upon-Tweed', 'Blyth Valley', 'Castle Morpeth', 'Tynedale', 'Wansbeck'],
  'Nottinghamshire Police': ['Ashfield', 'Bassetlaw', 'Broxtowe', 'Gedling', 'Mansfield', 'Newark and Sherwood', 'Nottingham', 'Rushcliffe', 'Nottinghamshire'],
  'South Wales Police': ['Bridgend', 'Cardiff', 'Merthyr Tydfil', 'Neath Port Talbot', 'Rhondda Cynon Taf', 'Swansea', 'Vale of Glamorgan'],
  'South Yorkshire Police': ['Barnsley', 'Doncaster', 'Rotherham', 'Sheffield'],
  'Staffordshire Police': ['Cannock Chase', 'East Staffordshire', 'Lichfield', 'Newcastle-under-Lyme', 'South Staffordshire', 'Stafford', 'Staffordshire Moorlands', 'Stoke-on-Trent', 'Tamworth', 'Staffordshire'],
  'Suffolk Constabulary': ['Babergh', 'East Suffolk', 'Ipswich', 'Mid Suffolk', 'West Suffolk', 'Forest Heath', 'St Edmundsbury', 'Suffolk Coastal', 'Waveney', 'Suffolk'],
  'Surrey Police': ['Elmbridge', 'Epsom and Ewell', 'Guildford', 'Mole Valley', 'Reigate and Banstead', 'Runnymede', 'Spelthorne', 'Surrey Heath', 'Tandridge', 'Waverley', 'Woking', 'Surrey'],
  'Sussex Police': ['Adur', 'Arun', 'Brighton and Hove', 'Chichester', 'Crawley', 'Eastbourne', 'Hastings', 'Horsham', 'Lewes', 'Mid Sussex', 'Rother', 'Wealden', 'Worthing', 'West Sussex', 'East Sussex'],
  'Thames Valley Police': ['Bracknell Forest', 'Buckinghamshire', 'Cherwell', 'Milton Keynes', 'Oxford', 'Reading', 'Slough', 'South Oxfordshire', 'Vale of White Horse', 'West Berkshire', 'West Oxfordshire', 'Windsor and Maidenhead', 'Wokingham', 'Aylesbury Vale', 'Chiltern', 'South Bucks', 'Wycombe', 'Oxfordshire'],
  'Warwickshire Police': ['North Warwickshire', 'Nuneaton and Bedworth', 'Rugby', 'Stratford-on-Avon', 'Warwick', 'Warwickshire'],
  'West Mercia Police': ['Bromsgrove', 'Herefordshire', 'Malvern Hills', 'Redditch', 'Shropshire', 'Telford and Wrekin', 'Worcester', 'Wychavon', 'Wyre Forest', 'Worcestershire', 'Shrewsbury and Atcham', 'Oswestry', 'North Shropshire', 'South Shropshire', 'Bridgnorth'],
  'West Midlands Police': ['Birmingham', 'Coventry', 'Dudley', 'Sandwell', 'Solihull', 'Walsall', 'Wolverhampton'],
  'West Yorkshire Police': ['Bradford', 'Calderdale', 'Kirklees', 'Leeds', 'Wakefield'],
  'Wiltshire Police': ['Swindon', 'Wiltshire', 'Kennet', 'North Wiltshire', 'Salisbury', 'West Wiltshire'],
};

/** One area: the partnership's place name and its police force. */
export interface Area {
  place: string;
  force: string;
}

/** Every area, interleaved across forces so the first N spread over the country. */
export const AREAS: Area[] = (() => {
  const lists = Object.entries(AREAS_BY_FORCE).map(([force, places]) => places.map((place) => ({ place, force })));
  const out: Area[] = [];
  for (let i = 0; out.length < lists.reduce((n, l) => n + l.length, 0); i++) for (const list of lists) if (list[i]) out.push(list[i]!);
  return out;
})();

/** The area of the n-th generated partnership (0-based); past the end of the list, areas repeat with a number. */
export function areaFor(index: number): Area {
  const area = AREAS[index % AREAS.length]!;
  const round = Math.floor(index / AREAS.length);
  return round === 0 ? area : { place: `${area.place} ${round + 1}`, force: area.force };
}
