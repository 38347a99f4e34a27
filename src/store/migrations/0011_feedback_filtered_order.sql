DROP INDEX "feedback_org_customer_idx";--> statement-breakpoint
DROP INDEX "feedback_org_segment_idx";--> statement-breakpoint
CREATE INDEX "feedback_org_customer_created_idx" ON "feedback" USING btree ("org_id","customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "feedback_org_segment_source_created_idx" ON "feedback" USING btree ("org_id","segment_id","source","created_at","id");