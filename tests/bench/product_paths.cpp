// Today's product paths, on the Ledger facade. Re-point these when the core's API changes;
// keep what each function stands for (see product_paths.h).

#include "product_paths.h"

#include "base/error.h"
#include "base/validation.h"
#include "demo/generator.h"
#include "io/csv.h"
#include "io/importer.h"
#include "ledger.h"
#include "sqlcipher/sqlcipher_store.h"
#include "store/ledger_data.h"
#include "themes/theme.h"
#include "training/compliance.h"

#include <fstream>
#include <stdexcept>
#include <utility>

namespace bench::product {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kActor = "ledger_bench";

void throwIfInvalid(const std::vector<ledger::FieldError>& errors) {
    if (!errors.empty()) {
        throw ledger::ValidationError(errors);
    }
}

} // namespace

TeamRows reportCoverageByTeam(const fs::path& ledgerPath, std::string_view passphrase,
                              ledger::Date asOf) {
    // As app/cli/cli.cpp runReport: a read-only open, the engine from the compact load.
    ledger::Ledger ledger = ledger::Ledger::open(ledgerPath, passphrase, true);
    const ledger::ComplianceEngine engine = ledger.training().engine();
    return ledger::teamCoverageReport(engine, asOf);
}

StaffRows reportByStaff(const fs::path& ledgerPath, std::string_view passphrase,
                        ledger::Date asOf) {
    ledger::Ledger ledger = ledger::Ledger::open(ledgerPath, passphrase, true);
    const ledger::ComplianceEngine engine = ledger.training().engine();
    return ledger::staffStatusReport(engine, asOf);
}

/// As app/session/session.{h,cpp} holds an open ledger: the records the pages read (staff,
/// modules, rules; no completions) and the engine from the compact load, both brought up to
/// date after each write by Ledger::refresh with what the write changed (Session::write ->
/// Session::applyChanges).
class AppLedger {
public:
    AppLedger(ledger::Ledger opened, ledger::Date day) : ledger(std::move(opened)), today(day) {}
    /// Session::reload: the first load.
    void reload() {
        (void)ledger.takeChanges();
        data = std::make_shared<ledger::LedgerData>(ledger.training().records());
        engine = std::make_shared<ledger::ComplianceEngine>(ledger.training().engine());
    }
    /// Session::applyChanges, after a write.
    void applyChanges() { ledger.training().refresh(*data, *engine, ledger.takeChanges()); }
    ledger::Ledger ledger;
    ledger::Date today;
    std::shared_ptr<ledger::LedgerData> data;
    std::shared_ptr<ledger::ComplianceEngine> engine;
};

void AppLedgerDeleter::operator()(AppLedger* app) const {
    delete app;
}

AppLedgerPtr openForApp(const fs::path& ledgerPath, std::string_view passphrase,
                        ledger::Date today) {
    // Session::open -> adopt: Ledger::open(Auto), reload(), loadSettings(), the actor setting.
    AppLedgerPtr app(
        new AppLedger(ledger::Ledger::open(ledgerPath, passphrase, ledger::OpenMode::Auto), today));
    if (app->ledger.readOnly()) {
        throw std::runtime_error("ledger_bench: " + ledgerPath.string() +
                                 " opened read-only; is another program writing it?");
    }
    app->reload();
    (void)app->ledger.settings().get("organisation_name");
    (void)app->ledger.settings().get("idle_lock_minutes");
    (void)app->ledger.settings().get("actor");
    return app;
}

void closeApp(AppLedgerPtr app) {
    app.reset();
}

TeamRows firstCoveragePage(AppLedger& app, ledger::Date asOf) {
    return ledger::teamCoverageReport(*app.engine, asOf);
}

void recordCompletionThroughApp(AppLedger& app, const std::string& employeeId,
                                const std::string& moduleCode, ledger::Date completedOn) {
    // CompletionEditor::save for a new completion: validated against the session's records,
    // then Session::write -> Ledger::addCompletion -> Session::reload.
    ledger::Completion c;
    c.employeeId = employeeId;
    c.moduleCode = moduleCode;
    c.completedOn = completedOn;
    c.evidence = "bench";
    const ledger::ValidationContext context = ledger::makeValidationContext(*app.data, app.today);
    throwIfInvalid(ledger::validateCompletion(c, context));
    app.ledger.training().addCompletion(c, app.today, kActor);
    app.applyChanges();
}

void saveSettingThroughApp(AppLedger& app, const std::string& key, const std::string& value) {
    // Session::saveSettings, for one setting: Session::write -> Ledger::setSetting ->
    // Session::reload, then loadSettings.
    app.ledger.settings().set(key, value, kActor);
    app.applyChanges();
    (void)app.ledger.settings().get(key);
}

void saveThemeThroughApp(AppLedger& app, const std::string& title,
                         const std::vector<std::string>& moduleCodes, ledger::Date raisedOn) {
    // ThemeEditor::save for a new audit theme: validated against the session's records,
    // then Session::write -> Ledger::saveAuditTheme -> Session::reload.
    ledger::AuditTheme t;
    static int themesMade = 0;
    t.key = "BENCH-" + std::to_string(++themesMade);
    t.title = title;
    t.source = ledger::ThemeSource::Complaint;
    t.raisedOn = raisedOn;
    t.priority = ledger::ThemePriority::Medium;
    t.status = ledger::ThemeStatus::Open;
    t.description = "benchmark theme";
    t.moduleCodes = moduleCodes;
    const ledger::ValidationContext context = ledger::makeValidationContext(*app.data, app.today);
    throwIfInvalid(ledger::validateAuditTheme(t, context));
    app.ledger.themes().save(t, app.today, kActor);
    app.applyChanges();
}

ImportCounts importCompletionsCsv(const fs::path& ledgerPath, std::string_view passphrase,
                                  const fs::path& csvPath, ledger::Date today) {
    // As app/cli/cli.cpp runImport: the file streamed through Ledger::importFile.
    ledger::Ledger ledger = ledger::Ledger::open(ledgerPath, passphrase);
    const ledger::ImportSummary summary =
        ledger.imports().file(ledger::ImportKind::Completions, csvPath, csvPath.filename().string(),
                              today, false, kActor);
    return ImportCounts{summary.added, summary.updated, summary.unchanged};
}

int schemaVersion() {
    return ledger::SqlCipherStore::kSchemaVersion;
}

GeneratedSize generateLedgers(const fs::path& ledgerPath, const fs::path& basePath,
                              const fs::path& csvPath, std::string_view passphrase, int staff,
                              int teams, int modules, int completionsPerStaff, ledger::Date today) {
    ledger::GeneratorOptions options;
    options.seed = 2026;
    options.staff = staff;
    options.teams = teams;
    options.modules = modules;
    options.today = today;
    options.completionsPerStaff = completionsPerStaff;
    ledger::LedgerData data = ledger::generateCouncil(options);
    GeneratedSize size{static_cast<std::int64_t>(data.staff.size()),
                       static_cast<std::int64_t>(data.modules.size()),
                       static_cast<std::int64_t>(data.completions.size())};

    // As app/cli/cli.cpp runGenerate: filled before it appears at its name.
    if (!fs::exists(ledgerPath)) {
        ledger::Ledger::create(ledgerPath, passphrase, kActor, [&](ledger::Ledger& l) {
            l.imports().records(data, today, kActor);
        });
    }
    if (!fs::exists(csvPath)) {
        const fs::path temp = csvPath.string() + ".part";
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            const ledger::ImportColumns& columns =
                ledger::importColumns(ledger::ImportKind::Completions);
            out << ledger::csvLine(columns.required);
            std::vector<std::string> fields(5);
            for (const ledger::Completion& c : data.completions) {
                fields[0] = c.employeeId;
                fields[1] = c.moduleCode;
                fields[2] = ledger::formatIso(c.completedOn);
                fields[3] = c.expiresOn ? ledger::formatIso(*c.expiresOn) : std::string();
                fields[4] = c.evidence;
                out << ledger::csvLine(fields);
            }
            if (!out.flush()) {
                throw std::runtime_error("ledger_bench: cannot write " + temp.string());
            }
        }
        fs::rename(temp, csvPath);
    }
    if (!fs::exists(basePath)) {
        data.completions.clear();
        data.completions.shrink_to_fit();
        ledger::Ledger::create(basePath, passphrase, kActor, [&](ledger::Ledger& l) {
            l.imports().records(data, today, kActor);
        });
    }
    return size;
}

} // namespace bench::product
