#include "sqlcipher/repositories.h"

#include "base/error.h"
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlite_util.h"

#include <sqlcipher/sqlite3.h>

// Audit themes and their module links in the ledger file.

namespace ledger {

using sql::Statement;

namespace {

// A theme's Storage::Column fields (spec_columns.h), bound from ?1; its module links are a
// table of their own, written by hand.
using sql::Fields;
using sql::SpecColumns;

const SpecColumns<AuditTheme>& themeColumns() {
    static const SpecColumns<AuditTheme> kColumns(auditThemeSpec(), 1);
    return kColumns;
}

} // namespace

std::vector<AuditTheme> SqlCipherThemeRepository::auditThemes() {
    std::vector<AuditTheme> themes;
    static const std::string kText = "SELECT id, version, " + themeColumns().names() +
                                     " FROM audit_theme ORDER BY raised_on, id";
    Statement st(m_conn.db(), kText);
    Statement links(m_conn.db(), "SELECT m.code FROM audit_theme_module l JOIN module m ON "
                                 "m.id = l.module_id WHERE l.theme_id = ?1 ORDER BY m.code");
    while (st.step()) {
        AuditTheme t;
        t.id = st.integer(0);
        t.version.value = st.integer(1);
        themeColumns().read(st, 2, t);
        links.bind(1, t.id);
        while (links.step()) {
            t.moduleCodes.push_back(links.text(0));
        }
        links.reset();
        themes.push_back(std::move(t));
    }
    return themes;
}

RecordId SqlCipherThemeRepository::putAuditTheme(const AuditTheme& t) {
    RecordId id = t.id;
    {
        const SpecColumns<AuditTheme>& columns = themeColumns();
        static const std::string kInsert = "INSERT INTO audit_theme (" + columns.names() +
                                           ") VALUES (" + columns.parameters() + ")";
        // A known version must still be the stored one (see RecordVersion).
        const std::string version = "?" + std::to_string(columns.next() + 1);
        static const std::string kUpdate =
            "UPDATE audit_theme SET " + columns.assignments(Fields::Changeable) +
            ", version = version + 1 WHERE id = ?" + std::to_string(columns.next()) + " AND (" +
            version + " = 0 OR version = " + version + ")";
        Statement st(m_conn.db(), id == 0 ? kInsert : kUpdate);
        columns.bind(st, t);
        if (id != 0) {
            st.bind(columns.next(), id).bind(columns.next() + 1, t.version.value);
        }
        st.run();
        if (id == 0) {
            id = m_conn.lastInsertId();
        } else if (m_conn.changes() == 0) {
            if (!m_conn.lookup("SELECT id FROM audit_theme WHERE id = ?1", id)) {
                throw Conflict("the audit theme was removed meanwhile");
            }
            throw StaleRecord("this audit theme was saved by someone else meanwhile", "", "");
        }
    }
    Statement clear(m_conn.db(), "DELETE FROM audit_theme_module WHERE theme_id = ?1");
    clear.bind(1, id).run();
    Statement link(m_conn.db(), "INSERT INTO audit_theme_module (theme_id, module_id) "
                                "SELECT ?1, id FROM module WHERE code = ?2");
    for (const std::string& code : t.moduleCodes) {
        link.bind(1, id).bind(2, code);
        link.step();
        if (m_conn.changes() == 0) {
            throw ValidationError({FieldError{{}, 0, "modules", "no module " + code}});
        }
        link.reset();
    }
    return id;
}

void SqlCipherThemeRepository::removeAuditTheme(RecordId id) {
    // Its module links go with it (ON DELETE CASCADE).
    m_conn.statement("DELETE FROM audit_theme WHERE id = ?1")->bind(1, id).run();
}

std::optional<AuditTheme> SqlCipherThemeRepository::auditTheme(RecordId id) {
    for (AuditTheme& theme : auditThemes()) { // a council has tens of themes
        if (theme.id == id) {
            return std::move(theme);
        }
    }
    return std::nullopt;
}

} // namespace ledger
