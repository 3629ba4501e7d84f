#include "ascwds/ascwdsimportcontroller.h"

#include "common/convert.h"
#include "common/taskrunner.h"

#include "io/asc_wds.h"
#include "io/asc_wds_import.h"
#include "io/importer.h"

#include <QFileInfo>

#include <algorithm>
#include <memory>

using convert::text;

namespace {

QVariantMap problemRow(const QString& kind, const ledger::FieldError& f) {
    return QVariantMap{{QStringLiteral("kind"), kind},
                       {QStringLiteral("line"), f.line},
                       {QStringLiteral("field"), text(f.field)},
                       {QStringLiteral("message"), convert::sentence(f.message)},
                       {QStringLiteral("text"), text(ledger::formatFieldError(f))}};
}

QString categoryName(int code) {
    const auto found = ledger::findAscWdsCategory(code);
    return found ? QString::fromUtf8(found->name.data(), static_cast<qsizetype>(found->name.size()))
                 : QString();
}

QString lineWords(const std::vector<int>& lines) {
    QStringList out;
    for (const int line : lines) {
        out << QString::number(line);
    }
    return out.join(QStringLiteral(", "));
}

/// "1 row, line 5" or "2 rows, lines 2, 3".
QString whereWords(const std::vector<int>& lines) {
    return lines.size() == 1
               ? QObject::tr("1 row, line %1").arg(lines.front())
               : QObject::tr("%1 rows, lines %2").arg(lines.size()).arg(lineWords(lines));
}

} // namespace

AscWdsImportController::AscWdsImportController(QObject* parent)
    : TaskController(parent),
      m_problems(new VariantListModel({QStringLiteral("kind"), QStringLiteral("line"),
                                       QStringLiteral("field"), QStringLiteral("message"),
                                       QStringLiteral("text")},
                                      this)),
      m_unmapped(new VariantListModel({QStringLiteral("category"), QStringLiteral("categoryName"),
                                       QStringLiteral("trainingName"), QStringLiteral("lines"),
                                       QStringLiteral("where"), QStringLiteral("rows")},
                                      this)) {
}

AscWdsImportController::~AscWdsImportController() {
    stopTask();
}

void AscWdsImportController::sessionSet() {
    emit stateChanged(); // whether it can import follows the session (read-only or not)
}

void AscWdsImportController::forget() {
    m_problems->setRows({});
    m_unmapped->setRows({});
    m_chosen.clear();
    m_checked = false;
    emit mappingChanged();
}

void AscWdsImportController::setFileUrl(const QUrl& url) {
    if (url == m_fileUrl) {
        return;
    }
    m_fileUrl = url;
    emit fileChanged();
    forget();
    setState(QStringLiteral("idle"), {});
}

QString AscWdsImportController::fileName() const {
    return m_fileUrl.isEmpty() ? QString() : QFileInfo(m_fileUrl.toLocalFile()).fileName();
}

bool AscWdsImportController::busy() const {
    return m_state == QLatin1String("checking") || m_state == QLatin1String("importing");
}

QVariantList AscWdsImportController::moduleChoices() const {
    QVariantList out{QVariantMap{{QStringLiteral("value"), QString()},
                                 {QStringLiteral("label"), tr("Choose a module")}}};
    if (!session() || !session()->data()) {
        return out;
    }
    std::vector<ledger::Module> modules = session()->data()->modules;
    std::sort(modules.begin(), modules.end(),
              [](const ledger::Module& a, const ledger::Module& b) { return a.code < b.code; });
    for (const ledger::Module& m : modules) {
        out << QVariantMap{
            {QStringLiteral("value"), text(m.code)},
            {QStringLiteral("label"), QStringLiteral("%1 – %2").arg(text(m.code), text(m.title))}};
    }
    return out;
}

bool AscWdsImportController::canImport() const {
    // After a clean check; an import that was cancelled may be started again.
    if (!m_checked ||
        (m_state != QLatin1String("checked") && m_state != QLatin1String("unmapped") &&
         m_state != QLatin1String("cancelled"))) {
        return false;
    }
    if (session() && session()->readOnly()) {
        return false;
    }
    return std::none_of(m_chosen.begin(), m_chosen.end(),
                        [](const QString& code) { return code.isEmpty(); });
}

void AscWdsImportController::choose(int row, const QString& moduleCode) {
    if (row < 0 || row >= m_chosen.size() || m_chosen.at(row) == moduleCode) {
        return;
    }
    m_chosen[row] = moduleCode;
    emit mappingChanged();
}

void AscWdsImportController::setState(const QString& state, const QString& summary) {
    m_state = state;
    m_summary = summary;
    emit stateChanged();
    emit mappingChanged();
}

void AscWdsImportController::check() {
    start(true);
}

void AscWdsImportController::runImport() {
    if (canImport()) {
        start(false);
    }
}

void AscWdsImportController::start(bool dryRun) {
    if (taskRunning() || !session() || !session()->ledgerForTask()) {
        return;
    }
    if (!dryRun && session()->readOnly()) {
        setState(QStringLiteral("failed"), tr("This ledger is open read-only."));
        return;
    }
    if (m_fileUrl.isEmpty()) {
        setState(QStringLiteral("failed"), tr("Choose an ASC-WDS training file that can be read."));
        return;
    }
    // The mappings chosen for this file's unmapped rows (a check starts again from none).
    std::vector<ledger::AscWdsMapping> added;
    if (!dryRun) {
        const QList<QVariantMap>& rows = m_unmapped->rows();
        for (qsizetype i = 0; i < rows.size() && i < m_chosen.size(); ++i) {
            added.push_back(ledger::AscWdsMapping{
                rows.at(i).value(QStringLiteral("category")).toInt(),
                text(rows.at(i).value(QStringLiteral("trainingName")).toString()),
                text(m_chosen.at(i))});
        }
    }
    const std::string path = text(m_fileUrl.toLocalFile());
    const std::string name = text(fileName());
    const ledger::Date today = session()->todayDate();
    const std::string actor = session()->actorName();
    ledger::Ledger* ledger = session()->ledgerForTask();
    if (dryRun) {
        forget();
    }
    m_problems->setRows({});
    setState(dryRun ? QStringLiteral("checking") : QStringLiteral("importing"), {});

    struct Result {
        QString state;
        QString summary;
        QList<QVariantMap> problems;
        QList<QVariantMap> unmapped;
    };
    auto result = std::make_shared<Result>();
    const auto job = [=](const ledger::Progress& progress) -> std::function<void()> {
        TaskRunner::throwIfCancelled(progress, 0.0);
        std::string fileText;
        try {
            fileText = ledger::readImportFile(path);
        } catch (const ledger::ImportFileError& e) {
            result->state = QStringLiteral("failed");
            result->summary =
                tr("Choose an ASC-WDS training file that can be read: %1").arg(text(e.what()));
            return {};
        }
        try {
            const ledger::AscWdsImport imported = ledger::importAscWdsTraining(
                *ledger, name, fileText, added, today, dryRun, actor, "mapping", &progress);
            const ledger::ParsedAscWdsTraining& parsed = imported.parsed;
            for (const ledger::FieldError& e : parsed.errors) {
                result->problems.push_back(problemRow(tr("Error"), e));
            }
            for (const ledger::FieldError& e : imported.importProblems) {
                result->problems.push_back(problemRow(tr("Error"), e));
            }
            for (const ledger::FieldError& w : parsed.warnings) {
                result->problems.push_back(problemRow(tr("Warning"), w));
            }
            for (const ledger::AscWdsUnmapped& u : parsed.unmapped) {
                result->unmapped.push_back(
                    QVariantMap{{QStringLiteral("category"), u.category},
                                {QStringLiteral("categoryName"), categoryName(u.category)},
                                {QStringLiteral("trainingName"), text(u.trainingName)},
                                {QStringLiteral("lines"), lineWords(u.lines)},
                                {QStringLiteral("where"), whereWords(u.lines)},
                                {QStringLiteral("rows"), static_cast<int>(u.lines.size())}});
            }
            const int errors =
                static_cast<int>(parsed.errors.size() + imported.importProblems.size());
            if (errors > 0) {
                result->state = QStringLiteral("invalid");
                result->summary =
                    errors == 1
                        ? tr("1 error found: nothing can be imported until it is corrected.")
                        : tr("%1 errors found: nothing can be imported until they are corrected.")
                              .arg(errors);
            } else if (!parsed.unmapped.empty()) {
                result->state = QStringLiteral("unmapped");
                result->summary =
                    parsed.unmapped.size() == 1
                        ? tr("No module matches 1 kind of training in the file: choose a module "
                             "for it below, then import.")
                        : tr("No module matches %1 kinds of training in the file: choose a "
                             "module for each below, then import.")
                              .arg(parsed.unmapped.size());
            } else if (imported.summary) {
                const ledger::ImportSummary& s = *imported.summary;
                result->state = dryRun ? QStringLiteral("checked") : QStringLiteral("imported");
                result->summary =
                    (dryRun ? tr("Ready to import: %1 to add, %2 to update, %3 unchanged.")
                            : tr("Imported: %1 added, %2 updated, %3 unchanged."))
                        .arg(s.added)
                        .arg(s.updated)
                        .arg(s.unchanged);
                if (!dryRun && !added.empty()) {
                    result->summary +=
                        QLatin1Char(' ') +
                        (added.size() == 1
                             ? tr("The module chosen is remembered for the next file.")
                             : tr("The %1 modules chosen are remembered for the next file.")
                                   .arg(added.size()));
                }
            }
        } catch (const ledger::ValidationError& e) {
            for (const ledger::FieldError& f : e.errors()) {
                result->problems.push_back(problemRow(tr("Error"), f));
            }
            result->state = QStringLiteral("invalid");
            result->summary =
                e.errors().size() == 1
                    ? tr("1 error found: nothing was imported.")
                    : tr("%1 errors found: nothing was imported.").arg(e.errors().size());
        }
        return {};
    };
    const QPointer<AscWdsImportController> self(this);
    const auto done = [self, result, dryRun](TaskOutcome outcome, const QString& message) {
        if (!self) {
            return;
        }
        if (outcome == TaskOutcome::Cancelled) {
            result->state = QStringLiteral("cancelled");
            result->summary = dryRun ? tr("Cancelled.") : tr("Cancelled: nothing was imported.");
        } else if (outcome == TaskOutcome::Failed) {
            result->state = QStringLiteral("failed");
            result->summary = message;
        }
        self->m_problems->setRows(result->problems);
        // An import that stopped keeps the rows and the choices made for them.
        if (dryRun || !result->unmapped.isEmpty()) {
            self->m_unmapped->setRows(result->unmapped);
            self->m_chosen = QStringList();
            for (qsizetype i = 0; i < result->unmapped.size(); ++i) {
                self->m_chosen << QString();
            }
        }
        if (!dryRun && result->state == QLatin1String("imported") && self->session()) {
            self->m_unmapped->setRows({});
            self->m_chosen.clear();
            self->session()->reloadInBackground(); // waited for by waitForFinished()
        }
        if (dryRun) {
            self->m_checked = result->state == QLatin1String("checked") ||
                              result->state == QLatin1String("unmapped");
        }
        self->setState(result->state, result->summary);
        emit self->finished();
    };
    if (!startTask(dryRun ? tr("Checking %1…").arg(fileName())
                          : tr("Importing %1…").arg(fileName()),
                   true, job, done)) {
        setState(QStringLiteral("failed"),
                 tr("%1 Wait for it to finish.").arg(session()->tasks()->title()));
    }
}
