#include "common/editorfield.h"

EditorField::EditorField(QString name, QString label, bool isDate, QVariantList choices,
                         QObject* parent)
    : QObject(parent), m_name(std::move(name)), m_label(std::move(label)), m_isDate(isDate),
      m_choices(std::move(choices)) {
}

void EditorField::setText(const QString& text) {
    if (m_text != text) {
        m_text = text;
        emit textChanged();
    }
}

void EditorField::setError(const QString& error) {
    if (m_error != error) {
        m_error = error;
        emit errorChanged();
    }
}

void EditorField::addError(const QString& error) {
    setError(m_error.isEmpty() ? error : m_error + QLatin1Char('\n') + error);
}
