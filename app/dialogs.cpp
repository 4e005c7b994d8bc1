#include "dialogs.h"

#include "widgets/inspectorsettings.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace app {
namespace {

const QString kFolderKey = QStringLiteral("files/scenario_folder");

Answerer &answerer() {
    static Answerer a;
    return a;
}

FileChooser &chooser() {
    static FileChooser c;
    return c;
}

QString tr(const char *text) {
    return QCoreApplication::translate("app::Dialogs", text);
}

QString scenario_filter() {
    return tr("Failover Lab scenarios (*.json)");
}

} // namespace

bool ask_yes_no(QWidget *parent, const QString &title, const QString &text, const QString &question,
                const QString &details) {
    if (answerer())
        return answerer()(text);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, parent);
    box.setInformativeText(question);
    box.setDefaultButton(QMessageBox::No);
    if (!details.isEmpty())
        box.setDetailedText(details);
    return box.exec() == QMessageBox::Yes;
}

void tell(QWidget *parent, const QString &title, const QString &text, const QString &more) {
    if (answerer()) {
        answerer()(text + QLatin1Char('\n') + more);
        return;
    }
    QMessageBox box(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box.setInformativeText(more);
    box.exec();
}

void answer_questions_with(Answerer a) {
    answerer() = std::move(a);
}

std::optional<model::ScenarioSettings> ask_scenario_settings(QWidget *parent,
                                                             const model::ScenarioSettings &now) {
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("scenario_settings"));
    dialog.setWindowTitle(tr("Scenario Settings"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *form = new widgets::InspectorSettings(widgets::InspectorSettings::Commit::on_request);
    form->show_settings(now);
    layout->addWidget(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(dialog.sizeHint().expandedTo(QSize(420, 0)));
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return form->settings();
}

QString scenario_folder() {
    const QString folder = QSettings().value(kFolderKey).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

void remember_scenario_folder(const QString &file) {
    if (!file.isEmpty())
        QSettings().setValue(kFolderKey, QFileInfo(file).absolutePath());
}

QString with_json_extension(const QString &path) {
    if (path.isEmpty() || !QFileInfo(path).suffix().isEmpty())
        return path;
    return path + QStringLiteral(".json");
}

QString choose_scenario_to_open(QWidget *parent) {
    const QString path = chooser()
                             ? chooser()(scenario_folder())
                             : QFileDialog::getOpenFileName(parent, tr("Open Scenario"),
                                                            scenario_folder(), scenario_filter());
    remember_scenario_folder(path);
    return path;
}

QString file_name_for(const QString &scenario_name) {
    QString name;
    for (const QChar c : scenario_name.simplified())
        if (c.isLetterOrNumber() || c == QLatin1Char(' ') || c == QLatin1Char('-') ||
            c == QLatin1Char('_'))
            name += c;
    name = name.simplified();
    return (name.isEmpty() ? tr("scenario") : name) + QStringLiteral(".json");
}

QString choose_scenario_to_save(QWidget *parent, const QString &current,
                                const QString &scenario_name) {
    const QString start = current.isEmpty()
                              ? QDir(scenario_folder()).filePath(file_name_for(scenario_name))
                              : current;
    QString chosen;
    if (chooser()) {
        chosen = chooser()(start);
    } else {
        QFileDialog dialog(parent, tr("Save Scenario"), start, scenario_filter());
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setDefaultSuffix(QStringLiteral("json"));
        if (dialog.exec() == QDialog::Accepted)
            chosen = dialog.selectedFiles().value(0);
    }
    const QString path = with_json_extension(chosen);
    // A dialog that ignored the default suffix has not asked about the file named now.
    if (path != chosen && QFileInfo::exists(path) &&
        !ask_yes_no(parent, tr("Replace the file?"),
                    tr("%1 already exists.").arg(QDir::toNativeSeparators(path)),
                    tr("Replace it with this scenario?")))
        return {};
    remember_scenario_folder(path);
    return path;
}

void choose_files_with(FileChooser c) {
    chooser() = std::move(c);
}

} // namespace app
