package cn.innovationchina.events;

/** How an enterprise and a provider may work together. */
public enum CooperationMode {
    TECHNOLOGY_TRANSFER,
    LICENSING,
    JOINT_RND,
    COMMISSIONED_DEVELOPMENT,
    TECHNICAL_CONSULTING,
    PILOT_SCALE_TESTING,
    INSPECTION_AND_TESTING,
    TALENT_TRAINING,
    INNOVATION_CONSORTIUM
}
