// Satisfaction surveys (issue 16 item 5). answerSurvey and surveyByToken take a signed link
// instead of a ctx: the requester answers from an email without signing in.
export { answerSurvey, answerSurveyInPortal, pendingSurvey, surveyByToken } from './answer'
export { ticketCsat, csatSummary } from './queries'
