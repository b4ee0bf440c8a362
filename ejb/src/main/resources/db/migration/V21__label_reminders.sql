-- The label feature's daily job (label.boundary.LabelSchedule, issue 11) sends each reminder once: it claims the
-- reminder in the row it is about (UPDATE ... WHERE not yet reminded), in the transaction that writes the mail, so
-- a second run, or a second instance, finds it claimed and sends nothing. What was reminded for is kept, not a flag:
-- a campaign whose closing is moved, or an assessment given a new due date, is reminded again for the new date.
ALTER TABLE label ADD COLUMN renewal_reminded_on date;
ALTER TABLE campaign ADD COLUMN closing_reminded_for timestamp with time zone;
ALTER TABLE assessment ADD COLUMN due_reminded_for date;
ALTER TABLE assessment ADD COLUMN overdue_reminded_for date;
-- the job's daily lookups: suspended labels expire too (label_active_until_idx covers the active ones); assessments
-- still assigned, by due date
CREATE INDEX label_suspended_until_idx ON label (valid_until) WHERE state = 'SUSPENDED';
CREATE INDEX assessment_assigned_due_idx ON assessment (due_on) WHERE state = 'ASSIGNED';
