#include "imports/importcontroller.h"

#include "common/convert.h"
#include "common/variantlistmodel.h"
#include "session/session.h"

#include "base/error.h"
#include "base/progress.h"
#include "io/importer.h"

#include <QFileInfo>

using convert::text;

ImportController::ImportController(QObject* parent)
    : TaskController(parent),
      m_problems(new VariantListModel({QStringLiteral("line"), QStringLiteral("field"),
                                       QStringLiteral("message"), QStringLiteral("text")},
                                      this)) {
}

ImportController::~ImportController() {
    stopTask();
}

void ImportController::setKind(const QString& kind) {
    if (kind == m_kind || !ledger::parseImportKind(text(kind))) {
        return;
    }
    m_kind = kind;
    emit kindChanged();
    m_problems->setRows({});
    setState(QStringLiteral("idle"), {});
}

void ImportController::setFileUrl(const QUrl& url) {
    if (url == m_fileUrl) {
        return;
    }
    m_fileUrl = url;
    emit fileChanged();
    m_problems->setRows({});
    setState(QStringLiteral("idle"), {});
}

QString ImportController::fileName() const {
    return m_fileUrl.isEmpty() ? QString() : QFileInfo(m_fileUrl.toLocalFile()).fileName();
}

QString ImportController::expectedColumns() const {
    const auto kind = ledger::parseImportKind(text(m_kind));
    if (!kind) {
        return {};
    }
    const auto& columns = ledger::importColumns(*kind);
    QStringList names;
    for (const auto& c : columns.required) {
        names << text(c);
    }
    QString out = names.join(QLatin1Char(','));
    if (!columns.optional.empty()) {
        QStringList optional;
        for (const auto& c : columns.optional) {
            optional << text(c);
        }
        out += tr(" (optional: %1)").arg(optional.join(QLatin1Char(',')));
    }
    return out;
}

void ImportController::setState(const QString& state, const QString& summary) {
    m_state = state;
    m_summary = summary;
    emit stateChanged();
}

void ImportController::check() {
    start(true);
}

void ImportController::runImport() {
    if (canImport()) {
        start(false);
    }
}

void ImportController::start(bool dryRun) {
    if (taskRunning() || !session() || !session()->ledger()) {
        return;
    }
    if (!dryRun && session()->readOnly()) {
        setState(QStringLiteral("failed"), tr("This ledger is open read-only."));
        return;
    }
    if (m_fileUrl.isEmpty()) {
        setState(QStringLiteral("failed"), tr("Choose a CSV file that can be read."));
        return;
    }
    // Opened and checked here; read in pieces by the import, off the interface thread.
    std::shared_ptr<ledger::ImportFile> file;
    try {
        file = std::make_shared<ledger::ImportFile>(text(m_fileUrl.toLocalFile()));
    } catch (const ledger::ImportFileError& e) {
        setState(QStringLiteral("failed"),
                 tr("Choose a CSV file that can be read: %1").arg(text(e.what())));
        return;
    }
    const auto kind = *ledger::parseImportKind(text(m_kind));
    const std::string name = text(fileName());
    const ledger::Date today = session()->todayDate();
    const std::string actor = session()->actorName();
    ledger::Ledger* ledger = session()->ledgerForTask();
    m_problems->setRows({});
    setState(dryRun ? QStringLiteral("checking") : QStringLiteral("importing"), {});

    // What the worker found, handed to the interface thread by the task's continuation.
    struct Result {
        QString state;
        QString summary;
        QList<QVariantMap> problems;
    };
    auto result = std::make_shared<Result>();
    const auto problemRow = [](const ledger::FieldError& f) {
        return QVariantMap{{QStringLiteral("line"), f.line},
                           {QStringLiteral("field"), text(f.field)},
                           {QStringLiteral("message"), text(f.message)},
                           {QStringLiteral("text"), text(ledger::formatFieldError(f))}};
    };
    const auto job = [=](const ledger::Progress& progress) -> std::function<void()> {
        try {
            const ledger::ImportSummary s =
                ledger->imports().file(kind, *file, name, today, dryRun, actor, &progress);
            result->summary =
                (dryRun ? tr("Ready to import: %1 to add, %2 to update, %3 unchanged.")
                        : tr("Imported: %1 added, %2 updated, %3 unchanged."))
                    .arg(s.added)
                    .arg(s.updated)
                    .arg(s.unchanged);
            for (const ledger::FieldError& n : s.notices) {
                result->problems.push_back(problemRow(n));
            }
            result->state = dryRun ? QStringLiteral("checked") : QStringLiteral("imported");
        } catch (const ledger::ValidationError& e) {
            for (const ledger::FieldError& f : e.errors()) {
                result->problems.push_back(problemRow(f));
            }
            result->state = QStringLiteral("invalid");
            result->summary =
                tr("%n problem(s) found: nothing can be imported until they are corrected.",
                   nullptr, static_cast<int>(e.errors().size()));
        }
        return {};
    };
    const QPointer<ImportController> self(this);
    const auto done = [self, result, dryRun](TaskOutcome outcome, const QString& message) {
        if (!self) {
            return;
        }
        if (outcome == TaskOutcome::Cancelled) {
            result->state = QStringLiteral("cancelled");
            result->summary = tr("Cancelled: nothing was imported.");
        } else if (outcome == TaskOutcome::Failed) {
            result->state = QStringLiteral("failed");
            result->summary = message;
        }
        self->m_problems->setRows(result->problems);
        if (!dryRun && result->state == QLatin1String("imported") && self->session()) {
            self->session()->reloadInBackground(); // waited for by waitForFinished()
        }
        self->setState(result->state, result->summary);
        emit self->finished();
    };
    // The runner announces progress 0 before its worker starts; a cancel() heard then (by
    // way of progressChanged) is the first thing the import's first report sees.
    if (!startTask(dryRun ? tr("Checking %1…").arg(fileName())
                          : tr("Importing %1…").arg(fileName()),
                   true, job, done)) {
        setState(QStringLiteral("failed"),
                 tr("%1 Wait for it to finish.").arg(session()->tasks()->title()));
    }
}
