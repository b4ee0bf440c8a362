package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.ApplicationAttachments;
import fr.la27eregion.label.boundary.LabelApplications;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationAttachment;
import fr.la27eregion.label.entity.ApplicationMessage;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.ScoringCriterion;
import fr.la27eregion.platform.files.AttachmentRefused;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RecordPage;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.platform.web.WorkflowStep;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of a label application ({@code app/labels/application.xhtml?id=N}): its campaign, project and state, the
 * answer to each criterion of the campaign's grid (editable while the applicant holds it), the steps the caller may
 * take (with a reason where the step needs one), and the conversation with the secretariat. Every right is the
 * boundary's; the page only offers what the boundary says the caller may do.
 */
@Named
@ViewScoped
public class ApplicationView extends RecordPage {

    private static final long serialVersionUID = 1L;

    /** The application as the page shows it. */
    public record Shown(long id, int version, String campaign, String campaignTitle, String project,
                        String organisation, String state, String lastReason, Instant submittedAt)
            implements Serializable {
    }

    /** A criterion with its answer, as the form edits it. */
    public static final class Answer implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long criterionId;
        private final String code;
        private final String label;
        private final String guidance;
        private final int maxScore;
        private String text;

        Answer(ScoringCriterion criterion, String text, Locale locale) {
            this.criterionId = criterion.id();
            this.code = criterion.code();
            this.label = criterion.label(locale);
            this.guidance = criterion.guidance(locale);
            this.maxScore = criterion.maxScore();
            this.text = text;
        }

        public long getCriterionId() {
            return criterionId;
        }

        public String getCode() {
            return code;
        }

        public String getLabel() {
            return label;
        }

        public String getGuidance() {
            return guidance;
        }

        public int getMaxScore() {
            return maxScore;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    /** The bundle prefix of an application's actions. */
    static final String ACTIONS = "label.ApplicationAction";

    /** A message of the conversation, with its files. */
    public record Message(String side, String body, Instant sentAt, List<ApplicationFile> files)
            implements Serializable {
    }

    @Inject
    private LabelApplications applications;

    @Inject
    private ApplicationAttachments attachments;

    @Inject
    private Language language;

    private Shown application;
    private List<Answer> answers = List.of();
    private boolean mayAnswer;
    private List<WorkflowStep> steps = List.of();
    private List<Message> messages = List.of();
    private boolean conversationOpen;
    private boolean conversationRead;
    private String reason;
    private String message;
    private transient Part messageFile;

    @Override
    protected void read(long id) {
        show(applications.find(id));
    }

    private void show(LabelApplication found) {
        // the reader's language, not the view root's: in the page's view action the root still has the browser's
        Locale locale = language.getLocale();
        application = new Shown(found.id(), found.version(), found.campaign().code(), found.campaign().title(locale),
                found.project().title(), found.organisation().name(), found.state().name(), found.lastReason(),
                found.submittedAt().orElse(null));
        Map<Long, String> given = found.answers();
        answers = found.campaign().grid().criteria().stream()
                .map(criterion -> new Answer(criterion, given.get(criterion.id()), locale)).toList();
        mayAnswer = applications.answers(found);
        steps = applications.possible(found).stream()
                .map(possible -> new WorkflowStep(ACTIONS, possible.action().name(), possible.reasonRequired()))
                .toList();
        conversationRead = applications.readsConversation(found);
        if (!conversationRead) {
            conversationOpen = false;
            messages = List.of();
            return;
        }
        conversationOpen = applications.conversationOpen(found);
        Map<Long, List<ApplicationAttachment>> files = attachments.ofMessages(found.id());
        messages = applications.messages(found.id()).stream()
                .map((ApplicationMessage m) -> new Message(m.authorSide().name(), m.body(), m.sentAt(),
                        files.getOrDefault(m.id(), List.of()).stream().map(ApplicationFile::of).toList()))
                .toList();
    }

    /** Saves the answers as of the version shown; a refusal is shown beside its answer or on the form. */
    public void save() {
        Map<Long, String> given = new LinkedHashMap<>();
        answers.forEach(answer -> given.put(answer.getCriterionId(), answer.getText()));
        try {
            applications.answer(application.id(), application.version(), given);
            RuleMessages.info("label.page.saved");
            show(applications.find(application.id()));
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, "answersForm:answersMessage");
        }
    }

    /** Takes a step as of the version shown, with the reason written. */
    public void perform(String action) {
        try {
            applications.step(application.id(), application.version(), ApplicationAction.valueOf(action), reason);
            RuleMessages.info("label.page.stepDone", RuleMessages.label(ACTIONS + "." + action));
            reason = null;
            show(applications.find(application.id()));
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "reason".equals(field) ? "stepsForm:reason" : null,
                    "stepsForm:stepsMessage");
        }
    }

    /** Writes the message in the conversation, with its file if one was chosen (refused beside the field). */
    public void send() {
        try {
            if (messageFile == null || messageFile.getSubmittedFileName() == null || messageFile.getSubmittedFileName().isEmpty()) {
                applications.write(application.id(), message);
            } else {
                try (InputStream content = messageFile.getInputStream()) {
                    applications.write(application.id(), message, messageFile.getSubmittedFileName(), content);
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }
            message = null;
            RuleMessages.info("label.page.messageSent");
            show(applications.find(application.id()));
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> switch (field) {
                case "body" -> "messageForm:body";
                case AttachmentRefused.FIELD -> "messageForm:messageFile";
                default -> null;
            }, "messageForm:messageMessage");
        } finally {
            messageFile = null;
        }
    }

    /** Whether the caller writes in the conversation: it is open, and they are not only reading (an auditor). */
    public boolean isMayWrite() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return conversationOpen && (faces.getExternalContext().isUserInRole("NETWORK_ADMIN")
                || faces.getExternalContext().isUserInRole("MEMBER_COORDINATOR")
                || faces.getExternalContext().isUserInRole("CONTRIBUTOR"));
    }

    public boolean isReasonAsked() {
        return steps.stream().anyMatch(WorkflowStep::reasonRequired);
    }

    @Override
    public boolean isFound() {
        return application != null;
    }

    public Shown getApplication() {
        return application;
    }

    public List<Answer> getAnswers() {
        return answers;
    }

    public boolean isMayAnswer() {
        return mayAnswer;
    }

    public List<WorkflowStep> getSteps() {
        return steps;
    }

    public List<Message> getMessages() {
        return messages;
    }

    /** Whether the page shows the conversation: not to the jury chair, who reads the application only. */
    public boolean isConversationRead() {
        return conversationRead;
    }

    public boolean isConversationOpen() {
        return conversationOpen;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Part getMessageFile() {
        return messageFile;
    }

    public void setMessageFile(Part messageFile) {
        this.messageFile = messageFile;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
