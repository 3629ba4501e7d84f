#include "ascwds/ascwdsexportcontroller.h"

#include "common/convert.h"
#include "common/taskrunner.h"
#include "reports/reportfiles.h"

#include "io/asc_wds_import.h"
#include "io/asc_wds_training.h"

#include <QFileInfo>
#include <QLocale>

#include <memory>

using convert::text;

namespace {

QVariantMap problemRow(const QString& kind, const ledger::FieldError& f) {
    return QVariantMap{
        {QStringLiteral("kind"), kind},
        {QStringLiteral("record"), text(f.file)},
        {QStringLiteral("field"), text(f.field)},
        {QStringLiteral("message"), convert::sentence(f.message)},
        {QStringLiteral("text"),
         QStringLiteral("%1: %2 %3: %4").arg(kind, text(f.file), text(f.field), text(f.message))}};
}

/// "1 training record", "9,624 training records".
QString records(int count) {
    return count == 1 ? QObject::tr("1 training record")
                      : QObject::tr("%1 training records")
                            .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(count));
}

} // namespace

AscWdsExportController::AscWdsExportController(QObject* parent)
    : TaskController(parent),
      m_problems(new VariantListModel({QStringLiteral("kind"), QStringLiteral("record"),
                                       QStringLiteral("field"), QStringLiteral("message"),
                                       QStringLiteral("text")},
                                      this)) {
}

AscWdsExportController::~AscWdsExportController() {
    stopTask();
}

void AscWdsExportController::sessionSet() {
    if (Session* current = session()) {
        connect(current, &Session::settingsChanged, this,
                &AscWdsExportController::workplaceChanged);
        connect(current, &Session::unlockedChanged, this,
                &AscWdsExportController::workplaceChanged);
        if (m_asOf.isEmpty()) {
            m_asOf = current->todayText();
            emit asOfChanged();
        }
    }
    emit workplaceChanged();
}

QString AscWdsExportController::workplaceId() const {
    return session() && session()->unlocked()
               ? session()->setting(text(std::string(ledger::kAscWdsWorkplaceSetting)))
               : QString();
}

void AscWdsExportController::setAsOf(const QString& asOf) {
    if (asOf == m_asOf) {
        return;
    }
    m_asOf = asOf;
    emit asOfChanged();
    m_problems->setRows({});
    m_rowCount = 0;
    setState(QStringLiteral("idle"), {});
}

bool AscWdsExportController::busy() const {
    return m_state == QLatin1String("checking") || m_state == QLatin1String("saving");
}

bool AscWdsExportController::canSave() const {
    return m_state == QLatin1String("checked") || m_state == QLatin1String("saved");
}

void AscWdsExportController::setState(const QString& state, const QString& summary) {
    m_state = state;
    m_summary = summary;
    emit stateChanged();
}

void AscWdsExportController::check() {
    start({});
}

void AscWdsExportController::save(const QUrl& url) {
    // A plain path is taken as one; another scheme (a remote place) is not a file here.
    const QString path = url.isLocalFile()        ? url.toLocalFile()
                         : url.scheme().isEmpty() ? url.path()
                                                  : QString();
    if (path.isEmpty()) {
        setState(QStringLiteral("failed"), tr("Choose a file to save to."));
        return;
    }
    start(path);
}

void AscWdsExportController::start(const QString& path) {
    if (taskRunning() || !session() || !session()->ledgerForTask()) {
        return;
    }
    const auto asOf = convert::parseTyped(m_asOf);
    if (!asOf) {
        setState(QStringLiteral("failed"),
                 tr("The export day “%1” is not a date: type it as DD/MM/YYYY.").arg(m_asOf));
        return;
    }
    const bool saving = !path.isEmpty();
    const std::string workplace = text(workplaceId());
    const ledger::Date today = session()->todayDate();
    ledger::Ledger* ledger = session()->ledgerForTask();
    const QString name = QFileInfo(path).fileName();
    const QString day = convert::uk(*asOf);
    m_problems->setRows({});
    setState(saving ? QStringLiteral("saving") : QStringLiteral("checking"), {});

    struct Result {
        QString state;
        QString summary;
        int rows = 0;
        QList<QVariantMap> problems;
    };
    auto result = std::make_shared<Result>();
    const auto job = [=](const ledger::Progress& progress) -> std::function<void()> {
        TaskRunner::throwIfCancelled(progress, 0.0);
        const ledger::AscWdsExport built =
            ledger::buildAscWdsExport(*ledger, workplace, *asOf, today);
        for (const ledger::FieldError& p : built.problems) {
            result->problems.push_back(problemRow(tr("Problem"), p));
        }
        for (const ledger::FieldError& w : built.warnings) {
            result->problems.push_back(problemRow(tr("Warning"), w));
        }
        result->rows = static_cast<int>(built.rows.size());
        if (!built.problems.empty()) {
            result->state = QStringLiteral("invalid");
            result->summary =
                (built.problems.size() == 1
                     ? tr("1 problem: nothing can be written until it is corrected in the ledger.")
                     : tr("%1 problems: nothing can be written until they are corrected in the "
                          "ledger.")
                           .arg(built.problems.size()));
            return {};
        }
        TaskRunner::throwIfCancelled(progress, 0.5);
        if (!saving) {
            result->state = QStringLiteral("checked");
            result->summary = tr("Ready to save: %1 as of %2.").arg(records(result->rows)).arg(day);
            return {};
        }
        const std::string bytes = ledger::ascWdsTrainingCsv(built.rows);
        TaskRunner::throwIfCancelled(progress, 0.9);
        reportfiles::writeWhole(path, bytes);
        result->state = QStringLiteral("saved");
        result->summary = tr("Saved %1 as of %2 to %3.").arg(records(result->rows), day, name);
        return {};
    };
    const QPointer<AscWdsExportController> self(this);
    const auto done = [self, result, saving](TaskOutcome outcome, const QString& message) {
        if (!self) {
            return;
        }
        if (outcome == TaskOutcome::Cancelled) {
            result->state = QStringLiteral("cancelled");
            result->summary = saving ? tr("Cancelled: no file was written.") : tr("Cancelled.");
        } else if (outcome == TaskOutcome::Failed) {
            result->state = QStringLiteral("failed");
            result->summary = saving ? tr("Not saved: %1").arg(message) : message;
        }
        self->m_rowCount = result->rows;
        self->m_problems->setRows(result->problems);
        self->setState(result->state, result->summary);
        emit self->finished();
    };
    if (!startTask(saving ? tr("Saving %1…").arg(name) : tr("Checking the ASC-WDS training file…"),
                   true, job, done)) {
        setState(QStringLiteral("failed"),
                 tr("%1 Wait for it to finish.").arg(session()->tasks()->title()));
    }
}
