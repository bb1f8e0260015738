-- The command side's policies (meetings, consensus, monitoring) were one processing group named for the first of
-- them, 'meeting-policies'; it is now 'policies'. Its rows move with the name, so that an installation's processor
-- keeps its position and a policy never handles old events again (and sends their commands a second time).
-- The policies run subscribing and keep no token today; a token or dead letter left from a tracking past moves too.

-- a row already stored under the new name (a process of the new version started before this ran) wins
DELETE FROM token_entry moved
 WHERE moved.processor_name = 'meeting-policies'
   AND EXISTS (SELECT 1 FROM token_entry kept WHERE kept.processor_name = 'policies' AND kept.segment = moved.segment);

UPDATE token_entry SET processor_name = 'policies' WHERE processor_name = 'meeting-policies';

UPDATE dead_letter_entry SET processing_group = 'policies' WHERE processing_group = 'meeting-policies';
