import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import path from 'node:path';
import { openStore } from '/work/main/bot/store/database.js';
import { loadDemoPlanIfEmpty } from '/work/main/bot/demo.js';
const file = path.join(mkdtempSync(path.join(tmpdir(), 'q-')), 'x.db');
const store = await openStore(`file:${file}`);
await loadDemoPlanIfEmpty(store, 'City of London', new Date());
await store.close();
const db = new Database(file); db.defaultSafeIntegers(true);
console.log('actions', db.prepare('select count(*) c from Action').get());
const full = `SELECT p."id" AS "partnershipId", p."timeZone" AS "timeZone",
      pl."id" AS "planId", pl."title" AS "title", pl."period" AS "period", pl."status" AS "status", pl."importedAt" AS "importedAt",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(a."version"), 0) || ':' || COALESCE(SUM(a."id"), 0) || ':' || COALESCE(CAST(MAX(a."updatedAt") AS TEXT), '')
        FROM "Action" a WHERE a."planId" = pl."id") AS "actions",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(o."aliases")), 0) FROM "Organisation" o WHERE o."partnershipId" = p."id") AS "organisations",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(t."name") * (t."position" + 1)), 0) FROM "Theme" t WHERE t."planId" = pl."id") AS "themes",
      (SELECT d."id" FROM "DialogState" d WHERE d."conversationId" = ? AND d."userChatId" = ?) AS "dialogId",
      pe."id", pe."aadObjectId", pe."tenantId", pe."chatId", pe."displayName", pe."email", pe."userPrincipalName", pe."guest", pe."removedAt", pe."role", pe."createdAt", po."name" AS "organisation",
      pp."postNotesToChannel", pp."referralEmail", pp."referralPhone", pp."referralFormUrl", pp."referralOutOfHours"
    FROM "Partnership" p
    LEFT JOIN "PartnershipPrivacy" pp ON pp."partnershipId" = p."id"
    LEFT JOIN "Plan" pl ON pl."partnershipId" = p."id" AND pl."status" = ?
    LEFT JOIN "Person" pe ON pe."partnershipId" = p."id" AND (pe."aadObjectId" = ? OR pe."chatId" = ?)
    LEFT JOIN "Organisation" po ON po."id" = pe."organisationId"
    WHERE p."name" = ?`;
const lite = full.replace(/\(SELECT COUNT[\s\S]*?AS "themes",/, '');
for (const [name, sql] of [['full', full], ['no stamp aggregates', lite]] as const) {
  const s = db.prepare(sql); const args = ['19:x', '29:ali', 'live', 'aad', '29:ali', 'City of London'];
  console.log(name, s.raw(true).all(...args)[0].slice(0, 10));
  for (let k = 0; k < 2; k++) { let t = performance.now(); for (let i = 0; i < 5000; i++) s.raw(true).all(...args); console.log(name, 'all µs', ((performance.now()-t)/5000*1000).toFixed(1)); }
  let t = performance.now(); for (let i = 0; i < 5000; i++) s.columns(); console.log(name, 'columns µs', ((performance.now()-t)/5000*1000).toFixed(1));
}
