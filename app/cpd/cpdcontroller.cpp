#include "cpd/cpdcontroller.h"

#include "common/convert.h"
#include "common/timings.h"
#include "sessions/sessionwords.h"

#include "common/taskrunner.h"
#include "cpd/cpd_export.h"
#include "cpd/cpd_service.h"
#include "export/pdf.h"
#include "ledger.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

#include <set>

using convert::text;

namespace {

/// A choice's label from the CPD spec (`practice_forum` is "Practice forum").
QString labelOf(std::string_view field, const std::string& code) {
    for (const ledger::ChoiceOption& o : ledger::cpdSpec().at(field).choices) {
        if (o.code == code) {
            return text(std::string(o.label));
        }
    }
    return text(code);
}

QString sizeWords(std::int64_t bytes) {
    if (bytes < 1024) {
        return QObject::tr("%1 bytes").arg(bytes);
    }
    if (bytes < 1024 * 1024) {
        return QObject::tr("%1 KB").arg(static_cast<double>(bytes) / 1024.0, 0, 'f', 0);
    }
    return QObject::tr("%1 MB").arg(static_cast<double>(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

/// "1 entry", "2 entries": counted words in plain English, whatever translations exist.
QString counted(qsizetype n, const QString& one, const QString& many) {
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

QString uk(const ledger::Date& d) {
    return convert::uk(d);
}

/// The CPD type a session of this kind is, for a draft made from it.
std::string typeOf(ledger::SessionKind kind) {
    switch (kind) {
    case ledger::SessionKind::PracticeForum:
        return "practice_forum";
    case ledger::SessionKind::NqSession:
        return "nq_session";
    case ledger::SessionKind::Conference:
        return "conference";
    case ledger::SessionKind::Workshop:
        return "course";
    case ledger::SessionKind::Other:
        break;
    }
    return "other";
}

} // namespace

CpdController::CpdController(QObject* parent)
    : PageController(parent),
      m_entries(new VariantListModel(
          {QStringLiteral("entryId"), QStringLiteral("date"), QStringLiteral("title"),
           QStringLiteral("type"), QStringLiteral("hours"), QStringLiteral("status"),
           QStringLiteral("statusCode"), QStringLiteral("peerReflection"),
           QStringLiteral("standards"), QStringLiteral("themes"), QStringLiteral("evidence"),
           QStringLiteral("source")},
          this)),
      m_toLog(new VariantListModel({QStringLiteral("key"), QStringLiteral("title"),
                                    QStringLiteral("when"), QStringLiteral("date")},
                                   this)) {
}

void CpdController::setEmployeeId(const QString& id) {
    if (id == m_employeeId) {
        return;
    }
    m_employeeId = id;
    emit employeeIdChanged();
    refresh();
}

void CpdController::build() {
    const timings::Scope timing("interface: CpdController built");
    m_swe.clear();
    m_hcpc.clear();
    m_nextSteps.clear();
    m_summary.clear();
    QList<QVariantMap> entries, toLog;
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    const auto data = m_session ? m_session->data() : nullptr;
    const ledger::Staff* person = nullptr;
    if (l && data) {
        const std::string id = text(m_employeeId);
        for (const ledger::Staff& s : data->staff) {
            if (s.employeeId == id) {
                person = &s;
            }
        }
    }
    if (person) {
        const ledger::Date today = m_session->todayDate();
        const ledger::PersonCpd cpd = l->cpd().personCpd(*person, today);
        std::set<std::string> sourced;
        std::set<std::pair<ledger::Date, std::string>> keys;
        int drafts = 0;
        ledger::Hundredths yearHours = 0;
        const int year = ledger::sweRegistrationYearContaining(today);
        for (auto it = cpd.entries.rbegin(); it != cpd.entries.rend(); ++it) {
            const ledger::CpdEntry& e = *it;
            QString source;
            if (e.source) {
                if (const auto* s = std::get_if<ledger::CpdSessionSource>(&*e.source)) {
                    sourced.insert(s->sessionKey);
                    source = tr("From session %1").arg(text(s->sessionKey));
                } else {
                    source = tr("From a completion");
                }
            }
            keys.emplace(e.date, e.title);
            drafts += e.status == ledger::CpdStatus::Draft ? 1 : 0;
            if (e.status == ledger::CpdStatus::Final &&
                ledger::sweRegistrationYearStart(year) <= e.date &&
                e.date <= ledger::sweRegistrationYearEnd(year)) {
                yearHours += e.hours;
            }
            entries << QVariantMap{
                {QStringLiteral("entryId"), QVariant::fromValue<qint64>(e.id)},
                {QStringLiteral("date"), uk(e.date)},
                {QStringLiteral("title"), text(e.title)},
                {QStringLiteral("type"), labelOf("type", ledger::cpdTypeCode(e.type))},
                {QStringLiteral("hours"), text(ledger::formatHours(e.hours))},
                {QStringLiteral("status"), labelOf("status", ledger::cpdStatusCode(e.status))},
                {QStringLiteral("statusCode"), text(ledger::cpdStatusCode(e.status))},
                {QStringLiteral("peerReflection"), e.hasPeerReflection()},
                {QStringLiteral("standards"), text(ledger::joinCpdList(e.standards))},
                {QStringLiteral("themes"), text(ledger::joinCpdList(e.themes))},
                {QStringLiteral("evidence"),
                 static_cast<int>(
                     l->cpd().attachments(ledger::AttachmentOwner::CpdEntry, e.id).size())},
                {QStringLiteral("source"), source}};
        }
        if (!cpd.entries.empty()) {
            m_summary =
                counted(static_cast<qsizetype>(cpd.entries.size()), tr("entry"), tr("entries")) +
                (drafts > 0 ? QStringLiteral(" · ") + counted(drafts, tr("draft"), tr("drafts"))
                            : QString()) +
                tr(" · %1 hours in the registration year to %2")
                    .arg(text(ledger::formatHours(yearHours)),
                         uk(ledger::sweRegistrationYearEnd(year)));
        }
        // Attended sessions with no entry from them (or of the same day and title) yet.
        for (const ledger::SessionWithBookings& w : l->sessions().all()) {
            const bool attended = std::any_of(w.outcome.people.begin(), w.outcome.people.end(),
                                              [&](const ledger::Booking& b) {
                                                  return b.employeeId == person->employeeId &&
                                                         b.state == ledger::BookingState::Attended;
                                              });
            const auto day = ledger::dateOf(w.session.startsAt);
            if (!attended || !day || sourced.count(w.session.key) > 0 ||
                keys.count({*day, w.session.title}) > 0) {
                continue;
            }
            toLog.prepend(QVariantMap{{QStringLiteral("key"), text(w.session.key)},
                                      {QStringLiteral("title"), text(w.session.title)},
                                      {QStringLiteral("when"), sessionwords::whenOf(w.session)},
                                      {QStringLiteral("date"), uk(*day)}});
        }
        const ledger::SocialWorkEnglandCheck& swe = cpd.socialWorkEngland;
        m_swe.insert(QStringLiteral("applicable"), swe.figures.has_value());
        if (swe.figures) {
            const ledger::SocialWorkEnglandFigures& f = *swe.figures;
            const bool met = swe.status == ledger::RegistrationStatus::Met;
            m_swe.insert(QStringLiteral("statusCode"),
                         text(ledger::registrationStatusCode(swe.status)));
            m_swe.insert(QStringLiteral("status"), met ? tr("Met") : tr("Not met"));
            m_swe.insert(QStringLiteral("headline"),
                         tr("Social Work England, registration year to %1: %2")
                             .arg(uk(ledger::sweRegistrationYearEnd(f.registrationYear)),
                                  met ? tr("met") : tr("not met")));
            m_swe.insert(QStringLiteral("detail"),
                         tr("%1, %2 with peer reflection")
                                 .arg(counted(f.entries, tr("final entry"), tr("final entries")))
                                 .arg(f.withPeerReflection) +
                             (f.daysLeft > 0
                                  ? tr(" · %1 left").arg(counted(f.daysLeft, tr("day"), tr("days")))
                                  : tr(" · the year has ended")));
            if (!met) {
                const int more = std::max(0, 2 - f.entries);
                const bool needPeer = f.withPeerReflection == 0;
                QString step;
                const QString needed =
                    counted(more, tr("more final CPD entry"), tr("more final CPD entries"));
                if (more > 0 && needPeer) {
                    step = tr("Log %1, one with a peer reflection, by %2.")
                               .arg(needed, QStringLiteral("%1"));
                } else if (more > 0) {
                    step = tr("Log %1 by %2.").arg(needed, QStringLiteral("%1"));
                } else {
                    step = tr("Add a peer reflection to one of your entries, or log one with "
                              "it, by %1.");
                }
                m_nextSteps << step.arg(uk(ledger::sweRegistrationYearEnd(f.registrationYear)));
            }
        }
        const ledger::HcpcCheck& hcpc = cpd.hcpc;
        m_hcpc.insert(QStringLiteral("applicable"), hcpc.figures.has_value());
        if (hcpc.figures) {
            const ledger::HcpcFigures& f = *hcpc.figures;
            const bool met = hcpc.status == ledger::RegistrationStatus::Met;
            QStringList gaps;
            for (const ledger::HcpcGap& g : f.gaps) {
                gaps << tr("%1 to %2%3")
                            .arg(uk(g.from), uk(g.to), g.open ? tr(" (still open)") : QString());
            }
            QStringList types;
            for (const ledger::HcpcType t : f.types) {
                types << text(ledger::hcpcTypeCode(t)).replace(QLatin1Char('_'), QLatin1Char(' '));
            }
            m_hcpc.insert(QStringLiteral("statusCode"),
                          text(ledger::registrationStatusCode(hcpc.status)));
            m_hcpc.insert(QStringLiteral("status"), met ? tr("Met") : tr("Not met"));
            m_hcpc.insert(QStringLiteral("headline"), tr("HCPC, cycle to %1: %2")
                                                          .arg(uk(ledger::hcpcCycleEnd(f.cycle)),
                                                               met ? tr("met") : tr("not met")));
            m_hcpc.insert(QStringLiteral("detail"),
                          counted(static_cast<qsizetype>(f.activities.size()), tr("activity"),
                                  tr("activities")) +
                              (types.isEmpty()
                                   ? QString()
                                   : tr(" (%1)").arg(types.join(QStringLiteral(", ")))) +
                              (gaps.isEmpty() ? tr(" · no gap of three months")
                                              : tr(" · gaps of three months or more: %1")
                                                    .arg(gaps.join(QStringLiteral("; ")))));
            if (!met) {
                if (!f.gaps.empty()) {
                    m_nextSteps << tr(
                        "Log CPD regularly: HCPC looks for no gap of three months or more.");
                }
                if (f.types.size() < 2) {
                    m_nextSteps << tr(
                        "Log a different kind of activity: HCPC looks for at least two.");
                }
            }
        }
        if (!toLog.isEmpty()) {
            m_nextSteps << tr("Log CPD for the %1 you attended.")
                               .arg(counted(toLog.size(), tr("session"), tr("sessions")));
        }
        if (drafts > 0) {
            m_nextSteps << tr("Finish your %1: only final entries count.")
                               .arg(counted(drafts, tr("draft"), tr("drafts")));
        }
    }
    m_entries->setRows(entries);
    m_toLog->setRows(toLog);
    emit changed();
}

QVariantMap CpdController::draftFromSession(const QString& sessionKey) const {
    QVariantMap preset;
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (!l) {
        return preset;
    }
    const auto found = l->sessions().findByKey(text(sessionKey));
    if (!found) {
        return preset;
    }
    const ledger::LearningSession& s = found->session;
    const auto day = ledger::dateOf(s.startsAt);
    const QDateTime start = QDateTime::fromString(text(s.startsAt), Qt::ISODate);
    const QDateTime end = QDateTime::fromString(text(s.endsAt), Qt::ISODate);
    const qint64 minutes = start.isValid() && end.isValid() ? start.secsTo(end) / 60 : 0;
    // Whole hundredths of an hour, rounded half up; a session over days counts its hours.
    const qint64 hundredths = (minutes * 100 + 30) / 60;
    preset.insert(QStringLiteral("employee_id"), m_employeeId);
    preset.insert(QStringLiteral("date"), day ? uk(*day) : QString());
    preset.insert(QStringLiteral("title"), text(s.title));
    preset.insert(QStringLiteral("type"), text(typeOf(s.kind)));
    preset.insert(QStringLiteral("hours"),
                  text(ledger::formatHours(std::min<qint64>(hundredths, ledger::kMaxCpdHours))));
    std::set<std::string> themes(s.themes.begin(), s.themes.end());
    preset.insert(QStringLiteral("themes"), text(ledger::joinCpdList(themes)));
    preset.insert(QStringLiteral("status"), QStringLiteral("draft"));
    preset.insert(QStringLiteral("source_session"), text(s.key));
    return preset;
}

namespace {

ledger::AttachmentOwner ownerOf(const QString& owner) {
    return owner == QLatin1String("certificate") ? ledger::AttachmentOwner::Completion
                                                 : ledger::AttachmentOwner::CpdEntry;
}

} // namespace

QVariantList CpdController::attachments(const QString& owner, qint64 ownerId) const {
    QVariantList out;
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (!l) {
        return out;
    }
    for (const ledger::Attachment& a : l->cpd().attachments(ownerOf(owner), ownerId)) {
        out << QVariantMap{{QStringLiteral("attachmentId"), QVariant::fromValue<qint64>(a.id)},
                           {QStringLiteral("name"), text(a.name)},
                           {QStringLiteral("size"), sizeWords(a.size)}};
    }
    return out;
}

QString CpdController::attach(const QString& owner, qint64 ownerId, const QUrl& file) {
    if (!m_session) {
        return tr("The ledger is locked.");
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        return tr("%1 cannot be read: %2").arg(path, in.errorString());
    }
    // Never more than one byte past the limit is read: the service refuses it by its size.
    const QByteArray bytes = in.read(ledger::kMaxAttachmentBytes + 1);
    const QString name = QFileInfo(path).fileName();
    const QString type = QMimeDatabase().mimeTypeForFileNameAndData(name, bytes.left(4096)).name();
    const std::string actor = m_session->actorName();
    const std::string content(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (bytes.size() > ledger::kMaxAttachmentBytes) {
        return tr("%1 is larger than 25 MB (26,214,400 bytes): nothing was saved.").arg(name);
    }
    return m_session->write([&](ledger::Ledger& l) {
        l.cpd().attach(ownerOf(owner), ownerId, text(name), text(type), content, actor);
    });
}

QString CpdController::saveAttachmentAs(qint64 attachmentId, const QUrl& file) {
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (!l) {
        return tr("The ledger is locked.");
    }
    const auto bytes = l->cpd().attachmentBytes(attachmentId);
    if (!bytes) {
        return tr("That file is no longer in the ledger.");
    }
    QSaveFile out(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(bytes->data(), static_cast<qint64>(bytes->size())) !=
            static_cast<qint64>(bytes->size()) ||
        !out.commit()) {
        return tr("%1 could not be written: %2").arg(out.fileName(), out.errorString());
    }
    return {};
}

QString CpdController::removeAttachment(qint64 attachmentId) {
    if (!m_session) {
        return tr("The ledger is locked.");
    }
    const std::string actor = m_session->actorName();
    return m_session->write([&](ledger::Ledger& l) { l.cpd().detach(attachmentId, actor); });
}

QString CpdController::removeEntry(qint64 entryId) {
    if (!m_session) {
        return tr("The ledger is locked.");
    }
    const std::string actor = m_session->actorName();
    return m_session->write([&](ledger::Ledger& l) { l.cpd().remove(entryId, actor); });
}

std::optional<ledger::CpdExportData> CpdController::exportData(QString& error) const {
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (!l) {
        error = tr("The ledger is locked.");
        return std::nullopt;
    }
    auto data = l->cpd().exportData(text(m_employeeId));
    if (!data) {
        error = tr("There is no person %1 in the ledger.").arg(m_employeeId);
    }
    return data;
}

QVariantList CpdController::statementChoices() const {
    QVariantList out;
    QString error;
    const auto data = exportData(error);
    if (!data) {
        return out;
    }
    std::set<ledger::RecordId> chosen;
    for (const ledger::CpdEntry& e : ledger::statementEntries(*data, {}, m_session->todayDate())) {
        chosen.insert(e.id);
    }
    const std::vector<ledger::CpdEntry> finals = ledger::finalEntriesByDate(data->entries);
    for (auto it = finals.rbegin(); it != finals.rend(); ++it) {
        out << QVariantMap{{QStringLiteral("entryId"), QVariant::fromValue<qint64>(it->id)},
                           {QStringLiteral("date"), uk(it->date)},
                           {QStringLiteral("title"), text(it->title)},
                           {QStringLiteral("type"), labelOf("type", ledger::cpdTypeCode(it->type))},
                           {QStringLiteral("chosen"), chosen.count(it->id) > 0}};
    }
    return out;
}

int CpdController::countWords(const QString& words) const {
    return ledger::countWords(words.toStdString());
}

QString CpdController::exportRecord(const QUrl& file, const QString& format) {
    if (format != QLatin1String("csv") && format != QLatin1String("pdf")) {
        return tr("A CPD record is written as CSV or PDF.");
    }
    QString error;
    auto data = exportData(error);
    if (!data) {
        return error;
    }
    const ledger::Date today = m_session->todayDate();
    const bool csv = format == QLatin1String("csv");
    return startExport(file, [data = std::move(*data), today, csv] {
        return csv ? ledger::formatCpdRecordCsv(data.entries)
                   : ledger::renderPdf(ledger::cpdRecordDocument(data, today));
    });
}

QString CpdController::exportHcpcProfile(const QUrl& file, const QString& summary,
                                         const QVariantList& entryIds) {
    QString error;
    auto data = exportData(error);
    if (!data) {
        return error;
    }
    ledger::HcpcProfileChoice choice;
    choice.practiceSummary = text(summary.trimmed());
    for (const QVariant& id : entryIds) {
        choice.statementEntries.push_back(id.toLongLong());
    }
    const ledger::Date today = m_session->todayDate();
    return startExport(file, [data = std::move(*data), choice = std::move(choice), today] {
        return ledger::renderPdf(ledger::hcpcProfileDocument(data, choice, today));
    });
}

QString CpdController::startExport(const QUrl& file, std::function<std::string()> render) {
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        return tr("Choose a file to write.");
    }
    TaskRunner::Job job = [path, render = std::move(render)](
                              const ledger::Progress& progress) -> std::function<void()> {
        TaskRunner::throwIfCancelled(progress, 0.05);
        const std::string bytes = render();
        TaskRunner::throwIfCancelled(progress, 0.8);
        // Whole or not at all: a cancel or a failure before commit() leaves no file.
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly)) {
            throw std::runtime_error(QObject::tr("%1 could not be written: %2")
                                         .arg(path, out.errorString())
                                         .toStdString());
        }
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (out.write(bytes.data(), static_cast<qint64>(bytes.size())) !=
            static_cast<qint64>(bytes.size())) {
            throw std::runtime_error(QObject::tr("%1 could not be written: %2")
                                         .arg(path, out.errorString())
                                         .toStdString());
        }
        TaskRunner::throwIfCancelled(progress, 0.95);
        if (!out.commit()) {
            throw std::runtime_error(QObject::tr("%1 could not be written: %2")
                                         .arg(path, out.errorString())
                                         .toStdString());
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return {};
    };
    QPointer<CpdController> self(this);
    TaskRunner::Done done = [self, path](TaskOutcome outcome, const QString& message) {
        if (!self) {
            return;
        }
        if (outcome == TaskOutcome::Finished) {
            emit self->exportFinished(true, tr("Saved %1.").arg(QFileInfo(path).fileName()));
        } else if (outcome == TaskOutcome::Cancelled) {
            emit self->exportFinished(false, tr("Cancelled: nothing was saved."));
        } else {
            emit self->exportFinished(false, message);
        }
    };
    const quint64 task = m_session->tasks()->start(
        tr("Writing %1…").arg(QFileInfo(path).fileName()), true, job, done);
    if (task == 0) {
        return tr("%1 Wait for it to finish.").arg(m_session->tasks()->title());
    }
    return {};
}
