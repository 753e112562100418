-- Birth applications and hospital complaints become ordinary cases of their service
-- (DESIGN.md §4 field names in `fields`); what points at them follows: case events and notes
-- by the new case id, attachments by case_id. References (BC-/HC-) are unchanged, so
-- payments' for_reference needs nothing. Idempotent: a row already in cases is not copied twice.
INSERT INTO `cases` (`service`, `reference`, `wa_id`, `status`, `language`, `fields`, `fee_paise`, `fee_rule`,
  `rejection_reason`, `assigned_to`, `sla_due_at`, `status_at`, `source_message_id`, `created_at`, `updated_at`)
SELECT 'birth_certificate', a.`reference`, a.`wa_id`, a.`status`, a.`language`,
  json_object('childName', a.`child_name`, 'sex', a.`sex`, 'dateOfBirth', a.`date_of_birth`,
    'placeOfBirthType', a.`place_of_birth_type`, 'placeOfBirth', a.`place_of_birth`,
    'motherName', a.`mother_name`, 'fatherName', a.`father_name`, 'address', a.`address`,
    'district', a.`district`, 'pinCode', a.`pin_code`, 'informantName', a.`informant_name`),
  a.`fee_paise`, a.`fee_rule`, a.`rejection_reason`, a.`assigned_to`, a.`sla_due_at`, a.`status_at`,
  a.`source_message_id`, a.`created_at`, a.`status_at`
FROM `applications` a
WHERE NOT EXISTS (SELECT 1 FROM `cases` c WHERE c.`reference` = a.`reference`)
ORDER BY a.`id`;
--> statement-breakpoint
INSERT INTO `cases` (`service`, `reference`, `wa_id`, `status`, `language`, `fields`, `fee_paise`, `fee_rule`,
  `rejection_reason`, `assigned_to`, `sla_due_at`, `status_at`, `source_message_id`, `created_at`, `updated_at`)
SELECT 'hospital_complaint', k.`reference`, k.`wa_id`, k.`status`, k.`language`,
  json_object('hospitalName', k.`hospital_name`, 'district', k.`district`, 'category', k.`category`,
    'description', k.`description`, 'incidentDate', k.`incident_date`,
    'anonymous', json(CASE WHEN k.`anonymous` THEN 'true' ELSE 'false' END)),
  0, NULL, k.`rejection_reason`, k.`assigned_to`, k.`sla_due_at`, k.`status_at`,
  k.`source_message_id`, k.`created_at`, k.`status_at`
FROM `complaints` k
WHERE NOT EXISTS (SELECT 1 FROM `cases` c WHERE c.`reference` = k.`reference`)
ORDER BY k.`id`;
--> statement-breakpoint
UPDATE `case_events` SET `case_type` = 'case', `case_id` = (
  SELECT c.`id` FROM `cases` c JOIN `applications` a ON a.`reference` = c.`reference` WHERE a.`id` = `case_events`.`case_id`)
WHERE `case_type` = 'application' AND EXISTS (SELECT 1 FROM `applications` a WHERE a.`id` = `case_events`.`case_id`);
--> statement-breakpoint
UPDATE `case_events` SET `case_type` = 'case', `case_id` = (
  SELECT c.`id` FROM `cases` c JOIN `complaints` k ON k.`reference` = c.`reference` WHERE k.`id` = `case_events`.`case_id`)
WHERE `case_type` = 'complaint' AND EXISTS (SELECT 1 FROM `complaints` k WHERE k.`id` = `case_events`.`case_id`);
--> statement-breakpoint
UPDATE `case_notes` SET `case_type` = 'case', `case_id` = (
  SELECT c.`id` FROM `cases` c JOIN `applications` a ON a.`reference` = c.`reference` WHERE a.`id` = `case_notes`.`case_id`)
WHERE `case_type` = 'application' AND EXISTS (SELECT 1 FROM `applications` a WHERE a.`id` = `case_notes`.`case_id`);
--> statement-breakpoint
UPDATE `case_notes` SET `case_type` = 'case', `case_id` = (
  SELECT c.`id` FROM `cases` c JOIN `complaints` k ON k.`reference` = c.`reference` WHERE k.`id` = `case_notes`.`case_id`)
WHERE `case_type` = 'complaint' AND EXISTS (SELECT 1 FROM `complaints` k WHERE k.`id` = `case_notes`.`case_id`);
--> statement-breakpoint
-- complaint_id is cleared so the next migration can drop the complaints table under foreign_keys = ON
UPDATE `attachments` SET `case_id` = (
  SELECT c.`id` FROM `cases` c JOIN `complaints` k ON k.`reference` = c.`reference` WHERE k.`id` = `attachments`.`complaint_id`),
  `complaint_id` = NULL
WHERE `complaint_id` IS NOT NULL;
