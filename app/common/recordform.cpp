#include "common/recordform.h"

#include "common/timings.h"

RecordForm::RecordForm(QObject* parent) : QObject(parent) {
}

void RecordForm::setSession(Session* session) {
    if (m_session != session) {
        m_session = session;
        emit sessionChanged();
    }
}

EditorField* RecordForm::field(const QString& name) const {
    for (EditorField* f : m_fields) {
        if (f->name() == name) {
            return f;
        }
    }
    return nullptr;
}

EditorField* RecordForm::makeField(const QString& name, const QString& label, bool isDate,
                                   const QVariantList& choices) {
    auto* f = new EditorField(name, label, isDate, choices, this);
    m_fields.push_back(f);
    return f;
}

QStringList RecordForm::fieldsWithErrors() const {
    QStringList out;
    for (const EditorField* f : m_fields) {
        if (!f->error().isEmpty()) {
            out << f->name();
        }
    }
    return out;
}

QString RecordForm::textOf(const QString& name) const {
    const EditorField* f = field(name);
    return f ? f->text().trimmed() : QString();
}

void RecordForm::setMessage(const QString& message) {
    if (m_message != message) {
        m_message = message;
        emit messageChanged();
    }
}

void RecordForm::clearErrors() {
    for (EditorField* f : m_fields) {
        f->setError({});
    }
    m_stale = false;
    setMessage({});
}

void RecordForm::showError(const QString& name, const QString& message) {
    if (EditorField* f = field(fieldFor(name))) {
        f->addError(message);
    } else {
        setMessage(m_message.isEmpty() ? message : m_message + QLatin1Char('\n') + message);
    }
}

void RecordForm::startNew(const QVariantMap& preset) {
    for (EditorField* f : m_fields) {
        f->setText({});
    }
    clear();
    m_version = {};
    for (auto it = preset.begin(); it != preset.end(); ++it) {
        if (EditorField* f = field(it.key())) {
            f->setText(it.value().toString());
        }
    }
    m_isNew = true;
    m_key.clear();
    applyPreset(preset);
    m_recordName = nameOfRecord();
    clearErrors();
    emit loaded();
}

bool RecordForm::load(const QString& key) {
    if (!m_session || !m_session->ledger()) {
        return false;
    }
    clearErrors();
    bool found = false;
    try {
        m_version = {};
        found = read(key);
    } catch (...) {
        setMessage(Session::describeCurrentException());
        return false;
    }
    if (!found) {
        return false;
    }
    m_isNew = false;
    m_key = key;
    m_recordName = nameOfRecord();
    emit loaded();
    return true;
}

bool RecordForm::save() {
    if (!m_session || !m_session->data()) {
        clearErrors();
        setMessage(tr("No ledger is open."));
        return false;
    }
    const timings::Scope timing("interface: editor save (validate, write, bring up to date)");
    clearErrors();
    const Work work = prepare();
    if (!work || !fieldsWithErrors().isEmpty()) {
        if (m_message.isEmpty()) {
            setMessage(tr("Please correct the fields marked below."));
        }
        return false;
    }
    return run(work);
}

bool RecordForm::remove() {
    clearErrors();
    const Work work = canRemove() ? removal() : Work{};
    if (!m_session || !work) {
        setMessage(tr("This record cannot be removed."));
        return false;
    }
    return run(work);
}

bool RecordForm::run(const Work& work) {
    QVariantMap fieldErrors;
    bool stale = false;
    const QString error = m_session->write(work, &fieldErrors, &stale);
    for (auto it = fieldErrors.begin(); it != fieldErrors.end(); ++it) {
        showError(it.key(), it.value().toString());
    }
    if (stale) {
        m_stale = true; // the input stays in the form
        m_message.clear();
        setMessage(error);
        return false;
    }
    if (!error.isEmpty()) {
        const bool onFields = !fieldsWithErrors().isEmpty();
        if (onFields || m_message.isEmpty()) {
            setMessage(onFields ? tr("Please correct the fields marked below.") : error);
        }
        return false;
    }
    clearErrors();
    emit saved();
    return true;
}
